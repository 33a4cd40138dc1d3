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
// shouldPersistHeaders keeps the Authorization header across reloads (browser storage).
// With demo data on, a button asks /graphiql/demo-login for a demo officer's token.
const startScript = (endpoint: string, demoLogin: boolean) => `
(function () {
  var demoLogin = ${JSON.stringify(demoLogin)};
  var fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  var defaultQuery = '# 先获取令牌：npm run token -- <执法证号>，再在下方 Headers 中填写\\n' +
    '# { "Authorization": "Bearer <令牌>" }\\n' +
    '{\\n  me { name office { name } }\\n  cases(first: 10) { edges { node { id number title status } } }\\n}\\n';
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function render(headers, key) {
    var props = { key: key, fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: 'headers', isHeadersEditorEnabled: true, shouldPersistHeaders: true };
    if (headers) { props.headers = headers; }
    if (demoLogin) {
      props.toolbar = { additionalContent: React.createElement('button', {
        className: 'graphiql-un-styled', title: 'log in as demo officer 以演示执法人员登录 (BJ0001)',
        onClick: function () {
          var certificate = window.prompt('演示执法证号 (demo certificate, e.g. BJ0001)', 'BJ0001');
          if (!certificate) { return; }
          fetch('/graphiql/demo-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ certificate: certificate }) })
            .then(function (r) { return r.json(); })
            .then(function (body) {
              if (!body.token) { window.alert(body.error || '登录失败'); return; }
              render(JSON.stringify({ Authorization: 'Bearer ' + body.token }, null, 2), certificate + Date.now());
            });
        }
      }, '演示登录') };
    }
    root.render(React.createElement(GraphiQL, props));
  }
  render(undefined, 'initial');
})();
`;

/** Issues a token for a demo officer: only mounted when demo data is on and not in production. */
export type DemoLogin = (certificate: string) => Promise<string | undefined>;

const DEMO_CERTIFICATE = /^(CN|BJ|HD|SH|PD|ZJ|HZ|XH)\d{4}$/;

export function graphiqlAssets(endpoint: string, demoLogin?: DemoLogin): Router {
  const router = express.Router();
  router.get('/graphiql/start.js', (_req, res) => {
    res.type('application/javascript').send(startScript(endpoint, demoLogin !== undefined));
  });
  if (demoLogin) {
    router.post('/graphiql/demo-login', express.json({ limit: '1kb' }), async (req, res) => {
      const certificate = (req.body as { certificate?: unknown } | undefined)?.certificate;
      const token =
        typeof certificate === 'string' && DEMO_CERTIFICATE.test(certificate)
          ? await demoLogin(certificate)
          : undefined;
      if (!token) {
        res.status(404).json({ error: '没有该演示执法证号的在职人员 (no active demo officer)' });
        return;
      }
      res.set('cache-control', 'no-store').json({ token });
    });
  }
  for (const [name, file] of Object.entries(assets)) {
    router.get(`/graphiql/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d' });
    });
  }
  return router;
}
