// The citizen page: language choice, page texts from /i18n, and Web Chat on the local Direct Line.
(function () {
  'use strict';

  const LANGS = ['nb', 'nn', 'en'];
  // Web Chat has no nynorsk strings of its own; ours come in through overrideLocalizedStrings.
  const WEBCHAT_LOCALE = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
  const LANG_KEY = 'veiviser.lang';
  const SESSION_KEY = 'veiviser.chat';
  const DIRECT_LINE = '/v3/directline';
  const STATUS = { Online: 2, ExpiredToken: 3, FailedToConnect: 4 };

  const BLUE = '#0b3b6f';
  const STYLE = {
    primaryFont: "'Source Sans 3', 'Segoe UI', Roboto, Arial, sans-serif",
    fontSizeSmall: '85%',
    backgroundColor: '#ffffff',
    accent: BLUE,
    subtle: '#4f5863',
    timestampColor: '#4f5863',
    bubbleBackground: '#eef2f7',
    bubbleBorderWidth: 0,
    bubbleBorderRadius: 12,
    bubbleTextColor: '#1b1f24',
    bubbleFromUserBackground: BLUE,
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 640,
    bubbleMinHeight: 44,
    paddingRegular: 12,
    hideUploadButton: true,
    sendBoxHeight: 56,
    sendBoxTextWrap: true,
    sendBoxButtonColor: BLUE,
    sendBoxBorderTop: '2px solid #c9d2dd',
    suggestedActionHeight: 44,
    suggestedActionBorderRadius: 8,
    suggestedActionBorderColor: BLUE,
    suggestedActionTextColor: BLUE,
    suggestedActionBackgroundColor: '#ffffff',
    transcriptActivityVisualKeyboardIndicatorColor: BLUE,
    transcriptVisualKeyboardIndicatorColor: BLUE,
    markdownRespectCRLF: true,
    // After the person writes, the reply scrolls up only until its first message reaches the top:
    // a long answer is read from its start, not its end.
    autoScrollSnapOnPage: true,
    autoScrollSnapOnPageOffset: -8,
    rootHeight: '100%',
    rootWidth: '100%',
  };

  // Up to this many choices are shown as wrapped buttons; more become one scrollable list.
  const MAX_FLOW_CHOICES = 5;

  /** How the current choices are laid out: a few side by side, many as a list that scrolls. */
  function choiceStyle(count) {
    if (count <= MAX_FLOW_CHOICES) return { suggestedActionLayout: 'flow' };
    const chat = el('webchat');
    const room = chat && chat.clientHeight ? chat.clientHeight : window.innerHeight;
    return {
      suggestedActionLayout: 'stacked',
      suggestedActionsStackedHeight: Math.max(132, Math.round(room * 0.4)),
      suggestedActionsStackedOverflow: 'auto',
      suggestedActionsStackedLayoutButtonTextWrap: true,
    };
  }

  const el = (id) => document.getElementById(id);
  const state = { lang: document.documentElement.lang, texts: null, store: null, directLine: null, rendered: false, manyChoices: false };

  function safely(work, fallback) {
    try {
      return work();
    } catch {
      return fallback;
    }
  }

  const storedLang = () => safely(() => localStorage.getItem(LANG_KEY), null);
  const saveLang = (lang) => safely(() => localStorage.setItem(LANG_KEY, lang));
  const readSession = () => safely(() => JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null'), null);
  const writeSession = (session) => safely(() => window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session)));
  const clearSession = () => safely(() => window.sessionStorage.removeItem(SESSION_KEY));

  function lookup(tree, path) {
    return path.split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), tree);
  }

  async function loadTexts(lang) {
    const res = await fetch(`/i18n/${lang}/web.json`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`texts ${res.status}`);
    return res.json();
  }

  function applyTexts(lang, texts) {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((node) => {
      const value = lookup(texts, node.dataset.i18n);
      if (typeof value === 'string') node.textContent = value;
    });
    document.querySelectorAll('[data-i18n-href]').forEach((node) => {
      const value = lookup(texts, node.dataset.i18nHref);
      if (typeof value === 'string') node.setAttribute('href', value);
    });
    document.querySelectorAll('.language-option').forEach((button) => {
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    });
  }

  function showError() {
    el('chat-status').hidden = true;
    el('chat-error').hidden = false;
  }

  async function postJson(path, token, body) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) headers['Content-Type'] = 'application/json';
    const res = await fetch(DIRECT_LINE + path, { method: 'POST', headers, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${path} ${res.status}`);
    return res.json();
  }

  /** Resumes the conversation of this tab (after a reload) or gets a token for a new one. */
  async function connection() {
    const saved = readSession();
    if (saved && typeof saved.token === 'string' && typeof saved.conversationId === 'string') {
      try {
        const refreshed = await postJson('/tokens/refresh', saved.token);
        return { token: refreshed.token, conversationId: saved.conversationId, botLang: saved.lang };
      } catch {
        clearSession();
      }
    }
    const generated = await postJson('/tokens/generate', null, { locale: WEBCHAT_LOCALE[state.lang] });
    return { token: generated.token, conversationId: undefined, botLang: state.lang };
  }

  function tellBotLanguage(lang) {
    state.store.dispatch({
      type: 'DIRECT_LINE/POST_ACTIVITY',
      meta: { method: 'code' },
      payload: { activity: { type: 'event', name: 'veiviser/language', value: lang, locale: WEBCHAT_LOCALE[lang] } },
    });
    state.botLang = lang;
    saveConnection();
  }

  function saveConnection() {
    const dl = state.directLine;
    if (dl && dl.conversationId && dl.token) writeSession({ token: dl.token, conversationId: dl.conversationId, lang: state.botLang });
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: WEBCHAT_LOCALE[state.lang],
        overrideLocalizedStrings: state.texts && state.texts.webchat,
        styleOptions: Object.assign({}, STYLE, choiceStyle(state.manyChoices ? MAX_FLOW_CHOICES + 1 : 0)),
      },
      el('webchat'),
    );
    state.rendered = true;
  }

  /** Lays the choices out again when a message with many (or few) of them arrives. */
  function followChoices() {
    const choices = state.store.getState().suggestedActions || [];
    const many = choices.length > MAX_FLOW_CHOICES;
    if (many === state.manyChoices) return;
    state.manyChoices = many;
    if (state.rendered) render();
  }

  async function startChat() {
    if (!window.WebChat) return showError();
    const { token, conversationId, botLang } = await connection();
    state.botLang = botLang;
    state.directLine = window.WebChat.createDirectLine({ domain: location.origin + DIRECT_LINE, token, conversationId, webSocket: true });
    state.store = window.WebChat.createStore({});
    state.store.subscribe(followChoices);
    state.directLine.connectionStatus$.subscribe((status) => {
      if (status === STATUS.Online) {
        el('chat-status').hidden = true;
        saveConnection();
        if (state.botLang !== state.lang) tellBotLanguage(state.lang);
      } else if (status === STATUS.ExpiredToken) {
        clearSession();
        showError();
      } else if (status === STATUS.FailedToConnect) {
        showError();
      }
    });
    render();
  }

  async function switchLanguage(lang) {
    if (!LANGS.includes(lang) || lang === state.lang) return;
    try {
      state.texts = await loadTexts(lang);
    } catch {
      return; // The old texts stay; nothing half-switched.
    }
    saveLang(lang);
    state.lang = lang;
    applyTexts(lang, state.texts);
    if (state.rendered) {
      render();
      if (state.directLine && state.directLine.connectionStatus$.getValue() === STATUS.Online) tellBotLanguage(lang);
    }
  }

  function focusSendBox(event) {
    const input = document.querySelector('#webchat input[type="text"], #webchat textarea');
    if (!input) return;
    event.preventDefault();
    input.focus();
  }

  async function init() {
    document.querySelectorAll('.language-option').forEach((button) => {
      button.addEventListener('click', () => switchLanguage(button.dataset.lang));
    });
    document.querySelector('.skip-link').addEventListener('click', focusSendBox);
    el('chat-retry').addEventListener('click', () => location.reload());
    window.addEventListener('pagehide', saveConnection);
    let resized;
    window.addEventListener('resize', () => {
      window.clearTimeout(resized);
      resized = window.setTimeout(() => state.rendered && state.manyChoices && render(), 200);
    });

    const wanted = storedLang();
    state.lang = LANGS.includes(wanted) ? wanted : LANGS.includes(state.lang) ? state.lang : 'nb';
    // Texts and the chat load side by side: on a slow phone network each round trip counts.
    const texts = loadTexts(state.lang).then(
      (loaded) => {
        state.texts = loaded;
        applyTexts(state.lang, loaded);
        if (state.rendered) render();
      },
      () => undefined, // The page was rendered with texts already; Web Chat falls back to its own strings.
    );
    const chat = startChat().catch(showError);
    await Promise.all([texts, chat]);
  }

  init();
})();
