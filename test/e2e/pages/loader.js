// The host page's own loader (a classic script, no globals): adds Sharek's
// script when the page asks, through the page's own Trusted Types policy.
(() => {
  const src = document.querySelector('meta[name="sharek-script"]').content;
  const policy = window.trustedTypes?.createPolicy('ministry-loader', {
    createScriptURL(url) {
      if (url !== src) throw new TypeError(`The loader only loads ${src}`);
      return url;
    },
  });
  document.addEventListener(
    'load-sharek',
    () => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = policy ? policy.createScriptURL(src) : src;
      document.head.append(script);
    },
    { once: true },
  );
})();
