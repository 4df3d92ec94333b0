// GET /graphql from a browser: a small query page that works offline. Apollo's landing pages
// load Apollo Sandbox or Explorer from a CDN, which neither these machines nor many government
// intranets can reach, so they are disabled and this page is served instead: one HTML file
// with inline script and style, no external URL (the Content-Security-Policy forbids loading
// anything from elsewhere). Queries still go to POST /graphql; the viewer is at `/`.
import type { Express } from 'express';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nianbao Ledger GraphQL 查询 / query</title>
<style>
  body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1d2430; }
  header { background: #8b1a1a; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: baseline; }
  header a { color: #fff; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 12px 16px; }
  label { display: block; font-weight: 600; margin-top: 8px; }
  textarea, input, pre { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; }
  textarea#query { height: 340px; }
  textarea#variables { height: 90px; }
  pre { background: #f4f5f7; border: 1px solid #d0d4da; min-height: 480px; margin: 0; padding: 8px; overflow: auto; white-space: pre-wrap; }
  button { margin-top: 8px; padding: 4px 16px; }
  .hint { color: #5a6270; font-size: 12px; }
</style>
</head>
<body>
<header><strong>Nianbao Ledger · GraphQL</strong><a href="/">报告浏览 / Viewer</a><span class="hint">POST /graphql · WebSocket /graphql (graphql-ws)</span></header>
<main>
<section>
  <label for="query">查询 / Query</label>
  <textarea id="query" spellcheck="false">{
  service { name }
  reports(first: 10) {
    edges { node { id agencyName year revision } }
  }
}</textarea>
  <label for="variables">变量 / Variables (JSON)</label>
  <textarea id="variables" spellcheck="false">{}</textarea>
  <label for="token">令牌 / Token (Bearer, 可选 optional; 仅保存在本标签页 / kept in this tab only)</label>
  <input id="token" type="password" autocomplete="off">
  <button id="run" type="button">运行 / Run (Ctrl+Enter)</button>
  <button id="schema" type="button">根字段 / Root fields</button>
</section>
<section>
  <label for="result">结果 / Result</label>
  <pre id="result" tabindex="0" aria-live="polite"></pre>
</section>
</main>
<script>
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var saved = sessionStorage.getItem('nianbao.explorer.token');
  if (saved) $('token').value = saved;
  function post(query, variables) {
    var headers = { 'content-type': 'application/json' };
    var token = $('token').value.trim();
    sessionStorage.setItem('nianbao.explorer.token', token);
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (response) { return response.json(); });
  }
  function show(value) { $('result').textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2); }
  function run() {
    var variables;
    try { variables = JSON.parse($('variables').value || '{}'); }
    catch (error) { show('变量不是有效的 JSON / Variables are not valid JSON: ' + error.message); return; }
    show('…');
    post($('query').value, variables).then(show, function (error) { show(String(error)); });
  }
  function rootFields() {
    var query = '{ __schema { queryType { fields { name description } } mutationType { fields { name description } } subscriptionType { fields { name description } } } }';
    post(query, {}).then(function (body) {
      if (!body.data) { show(body); return; }
      var lines = [];
      [['Query', body.data.__schema.queryType], ['Mutation', body.data.__schema.mutationType], ['Subscription', body.data.__schema.subscriptionType]].forEach(function (pair) {
        if (!pair[1]) return;
        lines.push(pair[0]);
        pair[1].fields.forEach(function (field) { lines.push('  ' + field.name + ' — ' + (field.description || '')); });
      });
      show(lines.join('\\n'));
    }, function (error) { show(String(error)); });
  }
  $('run').addEventListener('click', run);
  $('schema').addEventListener('click', rootFields);
  $('query').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
})();
</script>
</body>
</html>
`;

export const EXPLORER_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** Registers the page for browsers' GET /graphql (a GET with a query string is still GraphQL). */
export function registerGraphqlExplorer(app: Express, path = '/graphql'): void {
  app.get(path, (req, res, next) => {
    const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!wantsPage || req.query.query !== undefined) {
      next();
      return;
    }
    res
      .status(200)
      .setHeader('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY)
      .setHeader('cache-control', 'no-cache')
      .type('html')
      .send(PAGE);
  });
}
