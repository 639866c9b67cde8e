// Starts GraphiQL against this server's /query endpoint (development only).
(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/query', subscriptionUrl: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/query' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# The service directory in Spanish\n{\n  services(locale: "es") {\n    edges { node { name servedLocale openNow hours { summary } phones { display telUri } } }\n  }\n}\n'
  }));
})();
