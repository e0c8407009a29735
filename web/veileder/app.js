// The veileder page: sign in with the token, see the queue, read a summary, take it, talk, close.
// Plain script, no build step; every text comes from /veileder/i18n/<lang>.json (locales/*/handoff.json).
(function () {
  'use strict';
  const store = window.sessionStorage;
  const $ = (id) => document.getElementById(id);
  let texts = {};
  let selected = null;
  let lastSeq = 0;
  let timer = null;
  let counts = { fresh: 0, urgent: 0 };
  let shownQueue = '';

  const lang = () => $('lang').value;
  function tr(path, vars) {
    const find = (key) => key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), texts);
    // Counted texts have a form for one and for more (i18next's _one and _other keys).
    let value = vars && typeof vars.count === 'number' ? find(path + (vars.count === 1 ? '_one' : '_other')) : undefined;
    if (typeof value !== 'string') value = find(path);
    if (typeof value !== 'string') return path;
    for (const [k, v] of Object.entries(vars || {})) value = value.split('{{' + k + '}}').join(String(v));
    return value;
  }

  async function loadTexts() {
    const res = await fetch('/veileder/i18n/' + lang() + '.json');
    const all = await res.json();
    texts = Object.assign({}, all.veileder, { level: all.level, flag: all.flag, priority: all.priority });
    document.documentElement.lang = lang();
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = tr(el.dataset.t);
    showCounts();
    shownQueue = '';
    // The open case is drawn again in the new language, its messages too.
    if (selected) await showDetail(selected, { redraw: true });
    await refreshQueue();
  }

  function say(text) {
    $('status').textContent = text;
  }

  async function api(path, init) {
    const headers = { Authorization: 'Bearer ' + store.getItem('veileder.token') };
    if (store.getItem('veileder.ident')) headers['X-Veileder-Ident'] = store.getItem('veileder.ident');
    if (store.getItem('veileder.name')) headers['X-Veileder-Name'] = encodeURIComponent(store.getItem('veileder.name'));
    if (init && init.body) headers['Content-Type'] = 'application/json';
    const res = await fetch('/api/handoffs' + path, Object.assign({}, init, { headers }));
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) {
      signOut();
      say(tr('signInFailed'));
      throw new Error('unauthorized');
    }
    return { status: res.status, body };
  }

  const locale = () => (lang() === 'en' ? 'en-GB' : 'nb-NO');

  function time(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', day: 'numeric', month: 'short' }).format(new Date(iso));
  }

  function clock(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  }

  const osloDay = (date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

  /** New (not yet taken) and urgent cases, in the heading's badge and the tab title. */
  function showCounts() {
    const badge = $('queue-count');
    const parts = [];
    if (counts.fresh > 0) parts.push(tr('badgeNew', { count: counts.fresh }));
    if (counts.urgent > 0) parts.push(tr('badgeUrgent', { count: counts.urgent }));
    badge.textContent = parts.join(' · ');
    badge.hidden = parts.length === 0;
    badge.classList.toggle('urgent', counts.urgent > 0);
    const title = tr('title');
    document.title = counts.fresh === 0 ? title : counts.urgent > 0 ? tr('titleUrgent', { count: counts.fresh, urgent: counts.urgent, title }) : tr('titleNew', { count: counts.fresh, title });
  }

  function queueItem(h) {
    const li = document.createElement('li');
    li.className = 'item priority-' + h.priority.toLowerCase() + (h.id === selected ? ' selected' : '') + (h.state === 'closed' ? ' closed' : '');
    const head = document.createElement('p');
    head.className = 'item-head';
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = tr('priority.' + h.priority);
    const state = document.createElement('span');
    const when = h.state === 'closed' ? tr('closedAt', { time: clock(h.updatedAt) }) : tr('waitingSince', { time: time(h.createdAt) });
    state.textContent = ' · ' + tr('states.' + h.state) + ' · ' + when + (h.callback ? ' · ' + tr('callback') : '') +
      (h.flags.includes('URGENT_LIMITED') ? ' · ' + tr('flag.URGENT_LIMITED') : '');
    head.append(badge, state);
    const request = document.createElement('p');
    request.className = 'request';
    request.textContent = h.request.length > 160 ? h.request.slice(0, 157) + '…' : h.request;
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = tr('open');
    open.setAttribute('aria-label', tr('open') + ': ' + request.textContent);
    open.addEventListener('click', () => showDetail(h.id).then(() => $('detail-h').focus()));
    li.append(head, request, open);
    return li;
  }

  async function refreshQueue() {
    if (!store.getItem('veileder.token')) return;
    // Closed ones only from the last day: the page lists today's (Oslo time) of those.
    const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const { status, body } = await api('?state=queued,accepted,closed&closedSince=' + encodeURIComponent(since));
    if (status !== 200) return;
    const today = osloDay(new Date());
    const open = body.handoffs.filter((h) => h.state !== 'closed');
    const closed = body.handoffs.filter((h) => h.state === 'closed' && osloDay(new Date(h.updatedAt)) === today).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const queued = open.filter((h) => h.state === 'queued');
    counts = { fresh: queued.length, urgent: queued.filter((h) => h.priority === 'URGENT').length };
    showCounts();
    // Drawn again only when something changed, so a button in focus stays in focus.
    const signature = JSON.stringify([selected, open, closed].map((x) => (Array.isArray(x) ? x.map((h) => [h.id, h.state, h.updatedAt]) : x)));
    if (signature === shownQueue) return;
    shownQueue = signature;
    $('queue').replaceChildren(...open.map(queueItem));
    $('queue-empty').hidden = open.length > 0;
    $('closed').replaceChildren(...closed.map(queueItem));
    $('closed-empty').hidden = closed.length > 0;
  }

  async function showDetail(id, options) {
    const changed = id !== selected;
    selected = id;
    if (changed || (options && options.redraw)) {
      lastSeq = 0;
      $('messages').replaceChildren();
    }
    if (changed) hideCloseForm();
    const { status, body } = await api('/' + encodeURIComponent(id));
    if (status !== 200) return;
    $('none-selected').hidden = true;
    $('detail').hidden = false;
    $('state').textContent = tr('states.' + body.state);
    $('taken-by').textContent = body.acceptedBy ? '(' + tr('takenBy', { who: body.acceptedBy }) + ')' : '';
    $('summary').textContent = body.text.heading + '\n\n' + body.text.text;
    const sameText = body.consent.text === body.text.text;
    $('user-saw-box').hidden = sameText;
    $('user-saw-h').textContent = tr('userSawHeading', { language: body.consent.lang });
    $('user-saw').textContent = body.consent.heading + '\n\n' + body.consent.text;
    $('accept').hidden = body.state !== 'queued';
    $('return').hidden = !['queued', 'accepted'].includes(body.state);
    $('close').hidden = !['queued', 'accepted'].includes(body.state);
    if ($('close').hidden) hideCloseForm();
    $('message-form').hidden = body.state !== 'accepted';
    await refreshMessages();
  }

  async function refreshMessages() {
    if (!selected) return;
    const { status, body } = await api('/' + encodeURIComponent(selected) + '/messages?after=' + lastSeq);
    if (status !== 200) return;
    for (const m of body.messages) {
      const li = document.createElement('li');
      li.className = 'msg from-' + m.from;
      const who = document.createElement('p');
      who.className = 'who';
      who.textContent = tr('from.' + m.from) + ', ' + time(m.at);
      const text = document.createElement('p');
      text.textContent = m.text;
      li.append(who, text);
      $('messages').append(li);
      lastSeq = m.seq;
    }
    $('messages-empty').hidden = $('messages').children.length > 0;
    if ($('state').textContent !== tr('states.' + body.state)) await showDetail(selected);
  }

  async function act(action) {
    const { status } = await api('/' + encodeURIComponent(selected) + '/' + action, { method: 'POST' });
    say(status === 409 ? tr('conflict') : status === 200 ? '' : tr('error'));
    await showDetail(selected);
    await refreshQueue();
    if (action === 'accept' && status === 200) $('message').focus();
  }

  function signOut() {
    for (const k of ['veileder.token', 'veileder.ident', 'veileder.name']) store.removeItem(k);
    if (timer) window.clearInterval(timer);
    $('work').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
  }

  async function signedIn() {
    $('sign-in').hidden = true;
    $('work').hidden = false;
    $('sign-out').hidden = false;
    await refreshQueue();
    timer = window.setInterval(() => {
      refreshQueue().catch(() => undefined);
      refreshMessages().catch(() => undefined);
    }, 3000);
  }

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    store.setItem('veileder.token', $('token').value.trim());
    if ($('ident').value.trim()) store.setItem('veileder.ident', $('ident').value.trim());
    if ($('name').value.trim()) store.setItem('veileder.name', $('name').value.trim());
    $('token').value = '';
    try {
      const { status } = await api('?state=queued');
      if (status === 200) {
        say('');
        await signedIn();
        $('queue-h').focus();
      }
    } catch {
      // api() has said what went wrong.
    }
  });
  $('sign-out').addEventListener('click', signOut);
  $('accept').addEventListener('click', () => act('accept'));
  $('return').addEventListener('click', () => act('return'));
  // Closing cannot be undone: it asks first, and may carry a last message to the citizen.
  function hideCloseForm() {
    $('close-form').hidden = true;
    $('close-note').value = '';
  }
  $('close').addEventListener('click', () => {
    $('close-form').hidden = false;
    $('close-note').focus();
  });
  $('close-cancel').addEventListener('click', () => {
    hideCloseForm();
    $('close').focus();
  });
  $('close-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const note = $('close-note').value.trim();
    const { status } = await api('/' + encodeURIComponent(selected) + '/close', { method: 'POST', body: JSON.stringify(note ? { note } : {}) });
    say(status === 409 ? tr('conflict') : status === 200 ? tr('closeDone') : tr('error'));
    if (status === 200) hideCloseForm();
    await showDetail(selected);
    await refreshQueue();
    if (status === 200) $('detail-h').focus();
  });
  $('message-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('message').value.trim();
    if (!text) return;
    const { status } = await api('/' + encodeURIComponent(selected) + '/messages', { method: 'POST', body: JSON.stringify({ text }) });
    if (status === 201) $('message').value = '';
    else say(status === 409 ? tr('conflict') : tr('error'));
    await refreshMessages();
  });
  $('lang').value = store.getItem('veileder.lang') || 'nb';
  $('lang').addEventListener('change', () => {
    store.setItem('veileder.lang', lang());
    loadTexts();
  });
  $('queue-h').tabIndex = -1;
  $('detail-h').tabIndex = -1;
  loadTexts().then(() => (store.getItem('veileder.token') ? signedIn() : undefined));
})();
