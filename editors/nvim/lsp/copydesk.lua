-- copydesk language server for Neovim 0.11+ (`vim.lsp.config` / `vim.lsp.enable`).
--
-- Put this file on your runtimepath as lsp/copydesk.lua (for example
-- ~/.config/nvim/lsp/copydesk.lua) and call `vim.lsp.enable('copydesk')`.
-- Override any field with `vim.lsp.config('copydesk', { ... })`.
-- See editors/nvim/README.md.

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'text', 'markdown' },
  -- A house-style file marks a newsroom's folder; otherwise the repository.
  root_markers = { 'copydesk.toml', '.copydesk.toml', '.git' },
  -- Read once at startup; change them later through `settings`.
  -- checks: code -> "error" | "warning" | "info" | "hint" | "off".
  init_options = {
    checks = vim.empty_dict(),
    inlayHints = { speakers = false },
  },
  -- Answered to the server's `workspace/configuration` request (section
  -- "copydesk") and sent on `workspace/didChangeConfiguration`.
  settings = {},
}
