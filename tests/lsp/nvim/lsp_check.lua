-- Headless Neovim: open a report, start `gxlint lsp` with the built-in LSP client, record the
-- diagnostics it publishes, apply the fix of the first GX301 through the editor, record the next
-- publish.  Written to $GX_OUT as JSON; the pytest test compares it with `gxlint check`.
local seed, out = os.getenv("GX_SEED"), os.getenv("GX_OUT")
local cmd = vim.fn.json_decode(os.getenv("GX_CMD"))
local report = { publishes = {} }

local function finish(err)
  if err then report.error = tostring(err) end
  local fh = io.open(out, "w")
  fh:write(vim.fn.json_encode(report))
  fh:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("filetype on")
  vim.cmd("edit " .. vim.fn.fnameescape(seed))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local default = vim.lsp.handlers["textDocument/publishDiagnostics"]
  vim.lsp.handlers["textDocument/publishDiagnostics"] = function(e, res, ctx, config)
    default(e, res, ctx, config)
    if res.uri == uri then
      table.insert(report.publishes, { raw = res, stored = vim.diagnostic.get(bufnr) })
    end
  end
  local config = { name = "gxlint", cmd = cmd, root_dir = vim.fn.getcwd(),
                   init_options = { debounceMs = 20 } }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else  -- Neovim 0.7
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  report.filetype = vim.bo[bufnr].filetype
  assert(vim.wait(90000, function() return #report.publishes >= 1 end, 20), "no diagnostics from gxlint")
  local client = vim.lsp.get_client_by_id(client_id)
  report.offset_encoding = client.offset_encoding
  report.opened_version = vim.lsp.util.buf_versions[bufnr]   -- the version of didOpen (no edit yet)
  -- fix the first GX301 with the rule's own fix, through the editor (incremental sync)
  local target
  for _, d in ipairs(report.publishes[1].raw.diagnostics) do
    if d.code == "GX301" and d.data and d.data.fix then target = d; break end
  end
  assert(target, "no fixable GX301")
  report.fixed = target
  local edits = {}
  for _, e in ipairs(target.data.fix.edits) do
    table.insert(edits, { range = e.range, newText = e.newText })
  end
  local n = #report.publishes
  vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding)
  assert(vim.wait(90000, function() return #report.publishes > n end, 20), "no diagnostics after the edit")
  -- let a stale publish (there must be none) show up, then record the buffer
  vim.wait(300, function() return false end, 20)
  report.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), "\n") .. "\n"
  report.version = vim.lsp.util.buf_versions[bufnr]
  vim.lsp.stop_client(client_id)
end)
finish(not ok and err or nil)
