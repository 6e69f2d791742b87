-- End-to-end: Neovim 0.11 with editors/nvim/lsp/copydesk.lua, as a user
-- sets it up, on a copy of the seed article.
--
--   nvim --headless --clean -l tests/e2e/nvim_seed.lua REPO FILE
--
-- `copydesk` must be on PATH (run.sh puts the freshly built one there).
-- Prints PASS and exits 0, or prints FAIL: … and exits 1.

local repo, file = _G.arg[1], _G.arg[2]
assert(repo and file, 'usage: nvim --headless --clean -l nvim_seed.lua REPO FILE')

local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg)
  io.stdout:write('FAIL: ' .. msg .. '\n')
  os.exit(1)
end

-- The shipped config, found on the runtimepath like a user's would be.
vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
vim.lsp.enable('copydesk')

local t0 = vim.uv.hrtime()
vim.cmd.edit(file)
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= 'text' then fail('filetype is ' .. vim.bo[buf].filetype) end

local function summary()
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum end)
  return vim.tbl_map(function(d)
    local related = vim.tbl_map(function(r) return r.location.range.start.line end,
      d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation or {})
    return { line = d.lnum + 1, code = d.code, source = d.source, related = related }
  end, diags)
end

if not vim.wait(10000, function() return #vim.diagnostic.get(buf) >= 3 end, 20) then
  fail('expected 3 diagnostics within 10 s, got ' .. vim.json.encode(summary())
    .. '; clients=' .. #vim.lsp.get_clients({ bufnr = buf }))
end
out(string.format('diagnostics after %.0f ms', (vim.uv.hrtime() - t0) / 1e6))
local got = summary()
out('DIAGNOSTICS ' .. vim.json.encode(got))
local expected = {
  { line = 3, code = 'repeat/paragraph', related = { 0 } },
  { line = 6, code = 'repeat/quote', related = { 1 } },
  { line = 7, code = 'repeat/quote', related = { 1 } },
}
if #got ~= #expected then fail('expected exactly 3 diagnostics') end
for i, e in ipairs(expected) do
  local g = got[i]
  if g.line ~= e.line or g.code ~= e.code or g.source ~= 'copydesk'
      or not vim.deep_equal(g.related, e.related) then
    fail('diagnostic ' .. i .. ' is ' .. vim.json.encode(g) .. ', expected ' .. vim.json.encode(e))
  end
end

-- The quick fix of the repeated paragraph (line 3), requested as
-- `vim.lsp.buf.code_action` does and applied as a workspace edit.
local client = vim.lsp.get_clients({ bufnr = buf, name = 'copydesk' })[1]
if client.offset_encoding ~= 'utf-8' then fail('offset encoding ' .. client.offset_encoding) end
local line4 = vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1]
local d = vim.tbl_filter(function(x) return x.code == 'repeat/paragraph' end, vim.diagnostic.get(buf))[1]
local params = {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = d.user_data.lsp.range,
  context = { diagnostics = { d.user_data.lsp }, only = { 'quickfix' } },
}
local resp = client:request_sync('textDocument/codeAction', params, 5000, buf)
if not resp or resp.err or not resp.result or #resp.result == 0 then
  fail('no code action: ' .. vim.inspect(resp))
end
out('ACTION ' .. resp.result[1].title)
vim.lsp.util.apply_workspace_edit(resp.result[1].edit, client.offset_encoding)
if vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1] ~= line4 then
  fail('line 3 is not the former line 4 after the fix')
end

local function lines_and_codes()
  return vim.tbl_map(function(x) return { x.line, x.code } end, summary())
end
if not vim.wait(5000, function()
  return vim.deep_equal(lines_and_codes(), { { 5, 'repeat/quote' }, { 6, 'repeat/quote' } })
end, 20) then
  fail('after the fix expected two repeat/quote findings, got ' .. vim.json.encode(summary()))
end
out('AFTER FIX ' .. vim.json.encode(summary()))
out('PASS')
vim.cmd('qa!')
