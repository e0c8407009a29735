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

  const lang = () => $('lang').value;
  function tr(path, vars) {
    let value = path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), texts);
    if (typeof value !== 'string') return path;
    for (const [k, v] of Object.entries(vars || {})) value = value.split('{{' + k + '}}').join(String(v));
    return value;
  }

  async function loadTexts() {
    const res = await fetch('/veileder/i18n/' + lang() + '.json');
    const all = await res.json();
    texts = Object.assign({}, all.veileder, { level: all.level, flag: all.flag, priority: all.priority });
    document.documentElement.lang = lang();
    document.title = tr('title');
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = tr(el.dataset.t);
    if (selected) await showDetail(selected);
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

  function time(iso) {
    return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' }).format(new Date(iso));
  }

  async function refreshQueue() {
    if (!store.getItem('veileder.token')) return;
    const { status, body } = await api('?state=queued,accepted');
    if (status !== 200) return;
    const list = $('queue');
    list.replaceChildren();
    $('queue-empty').hidden = body.handoffs.length > 0;
    for (const h of body.handoffs) {
      const li = document.createElement('li');
      li.className = 'item priority-' + h.priority.toLowerCase() + (h.id === selected ? ' selected' : '');
      const head = document.createElement('p');
      head.className = 'item-head';
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = tr('priority.' + h.priority);
      const state = document.createElement('span');
      state.textContent = ' · ' + tr('states.' + h.state) + ' · ' + tr('waitingSince', { time: time(h.createdAt) }) + (h.callback ? ' · ' + tr('callback') : '') +
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
      list.append(li);
    }
  }

  async function showDetail(id) {
    const changed = id !== selected;
    selected = id;
    if (changed) {
      lastSeq = 0;
      $('messages').replaceChildren();
    }
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
  $('close').addEventListener('click', () => act('close'));
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
