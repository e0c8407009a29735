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

  /**
   * Choices are one list, which scrolls when there are many; style.css gives its height (so the
   * question and the message box stay in view) and lays five or fewer out side by side. One layout
   * for all: changing Web Chat's style options mid-conversation re-renders the transcript, which
   * then loses the place it was scrolled to.
   */
  const CHOICES = {
    suggestedActionLayout: 'stacked',
    suggestedActionsStackedOverflow: 'auto',
    suggestedActionsStackedLayoutButtonTextWrap: true,
  };

  const el = (id) => document.getElementById(id);

  /** The phone numbers the bot writes (from data/, put in the page by the server), longest first. */
  const PHONES = safely(() => JSON.parse(el('webchat').dataset.phoneNumbers || '[]'), [])
    .filter((p) => p && typeof p.text === 'string' && typeof p.tel === 'string' && /^tel:\+?\d+$/.test(p.tel))
    .sort((a, b) => b.text.length - a.text.length);
  // A number counts only on its own: not inside a longer number, an amount ("1 113") or "§ 112".
  const digitsPattern = (text) => text.replace(/\D/g, '').split('').join('[ \u00a0]?');
  const PHONE_RE = PHONES.length
    ? new RegExp(`(?<![\\d§][ \u00a0]?)(?<!\\d)(${PHONES.map((p) => digitsPattern(p.text)).join('|')})(?![ \u00a0]?\\d)`, 'g')
    : null;
  // Markdown links and bare addresses are left as they are.
  const LINK_OR_URL = /(\[[^\]]*\]\([^)]*\)|<[^>]*>|https?:\/\/\S+)/;

  function telFor(number) {
    const digits = number.replace(/\D/g, '');
    const found = PHONES.find((p) => p.text.replace(/\D/g, '') === digits);
    return found ? found.tel : undefined;
  }

  /** Makes every known phone number in a bot message a tel: link, so it can be tapped to call. */
  function linkPhoneNumbers(markdown) {
    if (!PHONE_RE || typeof markdown !== 'string') return markdown;
    return markdown
      .split(LINK_OR_URL)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(PHONE_RE, (number) => {
        const tel = telFor(number);
        return tel ? `[${number}](${tel})` : number;
      })))
      .join('');
  }

  /** Links the bot writes relative to this site ("/kopi/…") are made whole, so Web Chat opens them. */
  function absoluteLinks(markdown) {
    return typeof markdown === 'string' ? markdown.replace(/\]\(\/(?!\/)/g, `](${location.origin}/`) : markdown;
  }

  const TIME_LOCALE = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

  /**
   * When a message was sent, as a clock time: 24-hour in every language ("kl. 15:19"), with the day
   * when it was not today ("2. desember kl. 15:19", "2 December, 15:19"). Web Chat's own status
   * says "3:19 p.m." in Norwegian and relative times in bokmål for nynorsk.
   */
  function sentAt(iso, lang) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    const locale = TIME_LOCALE[lang] || TIME_LOCALE.nb;
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(date);
    const today = date.toDateString() === new Date().toDateString();
    const texts = (state.texts && state.texts.time) || {};
    const template = (today ? texts.today : texts.earlier) || (today ? '{{time}}' : '{{day}} {{time}}');
    return template.replace('{{time}}', time).replace('{{day}}', day);
  }

  /**
   * Sent messages show that clock time. The page has no React of its own (Web Chat's bundle keeps it
   * inside), so the element is Web Chat's own status element with a plain span put in its place.
   */
  const activityStatus = () => (next) => (args) => {
    const shown = next(args);
    const { activity, hideTimestamp, sendState } = args;
    if (hideTimestamp || sendState !== 'sent' || !activity || !activity.timestamp) return shown;
    if (!shown || typeof shown !== 'object' || !shown.$$typeof) return shown;
    const text = sentAt(activity.timestamp, state.lang);
    return Object.assign({}, shown, { type: 'span', key: null, ref: null, props: { className: 'webchat__activity-status sent-at', children: text } });
  };

  function renderMarkdown(markdown, ...rest) {
    const html = window.WebChat.renderMarkdown(linkPhoneNumbers(absoluteLinks(markdown)), ...rest);
    // A call opens the phone's dialler, not a new tab.
    return typeof html === 'string' ? html.replace(/(<a href="tel:[^"]*")([^>]*?) target="_blank"/g, '$1$2') : html;
  }
  const state = { lang: document.documentElement.lang, texts: null, store: null, directLine: null, rendered: false, handled: '', toEndUntil: 0, toEndTimer: 0 };

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
        return { token: refreshed.token, conversationId: saved.conversationId, botLang: saved.lang, handled: saved.handled };
      } catch {
        clearSession();
      }
    }
    const generated = await postJson('/tokens/generate', null, { locale: WEBCHAT_LOCALE[state.lang] });
    return { token: generated.token, conversationId: undefined, botLang: state.lang, handled: '' };
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
    if (dl && dl.conversationId && dl.token) writeSession({ token: dl.token, conversationId: dl.conversationId, lang: state.botLang, handled: state.handled });
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: WEBCHAT_LOCALE[state.lang],
        overrideLocalizedStrings: state.texts && state.texts.webchat,
        renderMarkdown,
        activityStatusMiddleware: activityStatus,
        styleOptions: Object.assign({}, STYLE, CHOICES),
      },
      el('webchat'),
    );
    state.rendered = true;
  }

  /**
   * What the bot marks for the page (channelData.veiviser): the language it now writes in, and that
   * the conversation was deleted. Activity ids grow within a conversation, so a mark seen again when
   * the history is replayed (after a reload) is not acted on twice.
   */
  function followBot(activity) {
    const mark = activity && activity.channelData && activity.channelData.veiviser;
    if (!mark || typeof activity.id !== 'string' || activity.id <= state.handled) return;
    if (activity.from && activity.from.role === 'user') return;
    state.handled = activity.id;
    saveConnection();
    if (mark.conversationDeleted === true) window.setTimeout(clearScreen, 0);
    else if (LANGS.includes(mark.lang)) {
      state.botLang = mark.lang;
      saveConnection();
      if (mark.lang !== state.lang) switchLanguage(mark.lang);
    }
  }

  const watchIncoming = () => (next) => (action) => {
    // Once the person writes, the replay is over: their answer is shown from its top as usual.
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY') state.toEndUntil = 0;
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      followBot(action.payload && action.payload.activity);
      if (state.toEndUntil > Date.now()) scrollToEndSoon();
    }
    return next(action);
  };

  /**
   * A resumed conversation is shown from its end, where what the veileder wrote since is: Web Chat
   * would stop at the first screen of the replayed history. Once the replay has settled, for up to
   * 30 s after the code was taken (a slow phone replays slowly), or until the person writes.
   */
  function scrollToEndSoon() {
    window.clearTimeout(state.toEndTimer);
    state.toEndTimer = window.setTimeout(() => {
      const transcript = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
      if (transcript) transcript.scrollTop = transcript.scrollHeight;
    }, 400);
  }

  /**
   * After "slett samtalen" the deleted messages leave the screen as well: the chat connects again
   * to the same conversation, whose history now starts with the bot saying it was deleted.
   */
  async function clearScreen() {
    saveConnection();
    await reconnect();
  }

  /** Connects the chat again to the conversation saved for this tab, and lets the old connection go. */
  async function reconnect() {
    const old = state.directLine;
    if (state.statusSubscription) state.statusSubscription.unsubscribe();
    try {
      await startChat();
    } catch {
      showError();
    }
    if (old) old.end();
  }

  // ---- "Har du en kode?": the same conversation in another tab or on another device ----

  const RESUME_HASH = /^#kode=([A-Za-z0-9-]{1,40})$/;
  const resumeText = (key) => lookup(state.texts, `resume.${key}`) || (key === 'failed' ? el('resume-message').dataset.failed : '') || '';

  /**
   * Asks the server for the conversation a resume code opens. On success it becomes this tab's
   * conversation (the next connection picks it up); otherwise the server's kind answer, in the
   * page's language, or ours when the server could not be reached.
   */
  async function fetchResume(code) {
    let res;
    let body = null;
    try {
      res = await fetch('/api/resume', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, lang: state.lang }),
      });
      body = await res.json();
    } catch {
      return { ok: false, message: resumeText('failed') };
    }
    if (!res.ok || !body || typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
      const message = body && body.error && typeof body.error.message === 'string' ? body.error.message : resumeText('failed');
      return { ok: false, message };
    }
    const lang = LANGS.includes(body.lang) ? body.lang : state.lang;
    writeSession({ token: body.token, conversationId: body.conversationId, lang, handled: '' });
    state.toEndUntil = Date.now() + 30000;
    return { ok: true, lang };
  }

  function showResumeMessage(text, isError) {
    const message = el('resume-message');
    message.textContent = text || '';
    message.classList.toggle('is-error', Boolean(isError));
    el('resume-code').setAttribute('aria-invalid', String(Boolean(isError)));
  }

  async function resumeFromForm(event) {
    event.preventDefault();
    const input = el('resume-code');
    const code = input.value.trim();
    if (!code) {
      showResumeMessage(resumeText('malformed'), true);
      input.focus();
      return;
    }
    showResumeMessage(resumeText('checking'), false);
    const result = await fetchResume(code);
    if (!result.ok) {
      showResumeMessage(result.message, true);
      input.focus();
      return;
    }
    await openResumed(result.lang);
    input.value = '';
    showResumeMessage(resumeText('resumed'), false);
  }

  /** Shows the resumed conversation; the page takes the conversation's language (the bot's). */
  async function openResumed(lang) {
    state.botLang = lang;
    if (lang !== state.lang) await switchLanguage(lang);
    await reconnect();
    el('resume').open = false;
    // The form is folded away: the chat takes the focus, not the top of the page.
    el('chat').focus();
  }

  /** A code in the address (a resume link) is read once and taken out, so it is not bookmarked or shared by accident. */
  function codeFromAddress() {
    const match = RESUME_HASH.exec(location.hash);
    if (!match) return undefined;
    safely(() => window.history.replaceState(null, '', location.pathname + location.search));
    return match[1];
  }

  async function resumeFromLink(code) {
    const result = await fetchResume(code);
    if (result.ok) return result;
    el('resume').open = true;
    el('resume-code').value = code;
    showResumeMessage(result.message, true);
    return result;
  }

  async function startChat() {
    if (!window.WebChat) return showError();
    const { token, conversationId, botLang, handled } = await connection();
    state.botLang = botLang;
    state.handled = typeof handled === 'string' ? handled : '';
    state.directLine = window.WebChat.createDirectLine({ domain: location.origin + DIRECT_LINE, token, conversationId, webSocket: true });
    state.store = window.WebChat.createStore({}, watchIncoming);
    state.statusSubscription = state.directLine.connectionStatus$.subscribe((status) => {
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
      // When the bot itself switched ("English"), it already writes in this language.
      if (state.botLang !== lang && state.directLine && state.directLine.connectionStatus$.getValue() === STATUS.Online) {
        // At the end of the transcript, the bot's answer (the question again) is shown from its top.
        const transcript = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
        if (transcript) transcript.scrollTop = transcript.scrollHeight;
        tellBotLanguage(lang);
      }
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
    el('resume-form').addEventListener('submit', resumeFromForm);
    window.addEventListener('hashchange', () => {
      const code = codeFromAddress();
      if (code) resumeFromLink(code).then((result) => (result.ok ? openResumed(result.lang) : undefined));
    });

    const wanted = storedLang();
    state.lang = LANGS.includes(wanted) ? wanted : LANGS.includes(state.lang) ? state.lang : 'nb';
    const linked = codeFromAddress();
    if (linked) {
      // The page's texts are still those it was served with: the server answers in this language.
      const resumed = await resumeFromLink(linked);
      if (resumed.ok) state.lang = resumed.lang;
    }
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
