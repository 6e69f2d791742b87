;;; eglot_seed.el --- e2e: copydesk lsp in Emacs + eglot  -*- lexical-binding: t -*-
;;
;; emacs --batch -l tests/e2e/eglot_seed.el COPY-OF-SEED.txt
;; (not -Q: Debian's site-start loads the elpa-eglot autoloads).
;; COPYDESK_BIN names the server.  Prints PASS and exits 0, else FAIL: … and 1.

(require 'eglot)
(require 'cl-lib)

(defun e2e-fail (fmt &rest args)
  (princ (concat "FAIL: " (apply #'format fmt args) "\n"))
  (kill-emacs 1))

(defun e2e-wait (pred seconds)
  "Pump events until PRED holds or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (flymake-start))
    value))

(defun e2e-summary ()
  "(LINE CODE) of each copydesk diagnostic, in line order."
  (sort (mapcar (lambda (d)
                  (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))))
                    (list (line-number-at-pos (flymake-diagnostic-beg d))
                          (plist-get lsp :code))))
                (flymake-diagnostics))
        (lambda (a b) (< (car a) (car b)))))

(add-to-list 'eglot-server-programs
             `(text-mode . (,(or (getenv "COPYDESK_BIN") "copydesk") "lsp")))
(setq eglot-sync-connect t)
(find-file (car command-line-args-left))
(text-mode)
(apply #'eglot (eglot--guess-contact))
(flymake-start)

(unless (e2e-wait (lambda () (>= (length (flymake-diagnostics)) 3)) 10)
  (e2e-fail "expected 3 diagnostics, got %S" (e2e-summary)))
(princ (format "DIAGNOSTICS %s\n" (prin1-to-string (e2e-summary))))
(unless (equal (e2e-summary) '((3 "repeat/paragraph") (6 "repeat/quote") (7 "repeat/quote")))
  (e2e-fail "unexpected diagnostics %S" (e2e-summary)))

;; The quick fix on line 3, applied as eglot applies a chosen action.
(goto-char (point-min))
(forward-line 2)
(let* ((line4 (save-excursion (forward-line 1)
                              (buffer-substring-no-properties (point) (line-end-position))))
       (actions (eglot-code-actions (point) (line-end-position) "quickfix")))
  (unless actions (e2e-fail "no quick fix on line 3"))
  (princ (format "ACTION %s\n" (plist-get (car actions) :title)))
  (eglot--apply-workspace-edit (plist-get (car actions) :edit))
  (unless (equal (buffer-substring-no-properties (line-beginning-position) (line-end-position))
                 line4)
    (e2e-fail "line 3 is not the former line 4 after the fix")))

;; Eglot sends the change from an idle timer, which batch mode never runs.
(eglot--signal-textDocument/didChange)
(unless (e2e-wait (lambda () (equal (e2e-summary) '((5 "repeat/quote") (6 "repeat/quote")))) 10)
  (e2e-fail "after the fix expected two repeat/quote findings, got %S" (e2e-summary)))
(princ (format "AFTER FIX %s\nPASS\n" (prin1-to-string (e2e-summary))))
(kill-emacs 0)
