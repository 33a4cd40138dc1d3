import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);

/** Files of GraphiQL and React from our own node_modules: the machines have no internet, so no CDN. */
const assets: Record<string, string> = {
  'react.production.min.js': join(
    dirname(require.resolve('react/package.json')),
    'umd/react.production.min.js',
  ),
  'react-dom.production.min.js': join(
    dirname(require.resolve('react-dom/package.json')),
    'umd/react-dom.production.min.js',
  ),
  'graphiql.min.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.min.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
};

export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>Zhifa 执法 · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>`;
}

// Kept out of the HTML so a strict Content-Security-Policy (no inline script) works.
const startScript = (endpoint: string) => `
(function () {
  var fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  var defaultQuery = '# 先获取令牌：npm run token -- <执法证号>，再在下方 Headers 中填写\\n' +
    '# { "Authorization": "Bearer <令牌>" }\\n' +
    '{\\n  me { name office { name } }\\n  cases(first: 10) { edges { node { id number title status } } }\\n}\\n';
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: 'headers', isHeadersEditorEnabled: true }));
})();
`;

export function graphiqlAssets(endpoint: string): Router {
  const router = express.Router();
  router.get('/graphiql/start.js', (_req, res) => {
    res.type('application/javascript').send(startScript(endpoint));
  });
  for (const [name, file] of Object.entries(assets)) {
    router.get(`/graphiql/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d' });
    });
  }
  return router;
}
