import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { loadPageTexts, pageValues } from '../../bot/pageTexts.js';
import { knownPhoneNumbers, linkPhoneNumbersInHtml, telLink } from '../../bot/phoneNumbers.js';
import { privacyPage } from '../../bot/privacyPage.js';
import { mountStatic } from '../../bot/static.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as Record<string, unknown>;

describe('phone numbers the web page makes tappable', () => {
  it('dials eight-digit numbers with +47 and short numbers as they are', () => {
    assert.equal(telLink('55 55 33 33'), 'tel:+4755553333');
    assert.equal(telLink('22\u00a040\u00a000\u00a040'), 'tel:+4722400040');
    assert.equal(telLink('113'), 'tel:113');
    assert.equal(telLink('116 123'), 'tel:116123');
  });

  it('come from data: every help line and every NAV number, each once', () => {
    const helplines = (readJson('data/safety/helplines.json').lines as { number: string }[]).map((l) => l.number);
    const contacts = Object.values(readJson('data/rights/contacts.json').contacts as Record<string, { phone: string }>).map((c) => c.phone);
    const texts = knownPhoneNumbers().map((p) => p.text);
    for (const number of [...helplines, ...contacts]) assert.ok(texts.includes(number), `${number} is linked`);
    assert.equal(new Set(texts).size, texts.length);
    assert.ok(texts.includes('55 55 33 33'), "NAV's contact centre");
  });

  it('are put in the page for its script, in every language', async () => {
    const web = express();
    mountStatic(web, { phoneNumbers: [{ text: '55 55 33 33', tel: 'tel:+4755553333' }] });
    const server: Server = createServer(web);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const lang of ['nb', 'nn', 'en']) {
        const html = await (await fetch(`http://127.0.0.1:${port}/?lang=${lang}`)).text();
        const attribute = /data-phone-numbers="([^"]*)"/.exec(html)?.[1] ?? '';
        const decoded = attribute.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
        assert.deepEqual(JSON.parse(decoded), [{ text: '55 55 33 33', tel: 'tel:+4755553333' }]);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the page texts', () => {
  it("take NAV's number and opening hours from data, not from the locale files", () => {
    const texts = loadPageTexts(`${root}locales`);
    const values = pageValues();
    assert.equal(values.navTel, 'tel:+4755553333');
    assert.deepEqual([values.navOpens, values.navCloses], ['09:00', '15:00']);
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const raw = readFileSync(`${root}locales/${lang}/web.json`, 'utf8');
      assert.doesNotMatch(raw, /\d\d \d\d \d\d \d\d|\d{1,2}(:\d\d)?–\d{1,2}/, `no number or hours typed into locales/${lang}/web.json`);
      const footer = texts[lang].footer as Record<string, string>;
      assert.equal(footer.phoneHref, 'tel:+4755553333');
      assert.ok(footer.phone!.includes('55 55 33 33') && footer.phone!.includes('09:00–15:00'), footer.phone);
      assert.ok(JSON.stringify(texts[lang]).includes('{{time}}'), "the page script's own {{time}} is left for it");
      assert.doesNotMatch(JSON.stringify(texts[lang]), /\bNAV\b/, '"Nav" in running text');
    }
  });
});

describe('pages the server writes', () => {
  it('link a known number as tel:, but not a paragraph, an amount or a longer number', () => {
    const numbers = [{ text: '55 55 33 33', tel: 'tel:+4755553333' }, { text: '112', tel: 'tel:112' }];
    assert.equal(linkPhoneNumbersInHtml('Ring 55\u00a055\u00a033\u00a033 eller 112.', numbers), 'Ring <a href="tel:+4755553333">55\u00a055\u00a033\u00a033</a> eller <a href="tel:112">112</a>.');
    assert.equal(linkPhoneNumbersInHtml('§ 112, 1 112 kroner, 11200', numbers), '§ 112, 1 112 kroner, 11200');
  });

  it("the privacy page makes Nav's number a tel: link and says how a resume code is kept, in every language", async () => {
    const web = express();
    web.use(privacyPage(30));
    const server: Server = createServer(web);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const lang of ['nb', 'nn', 'en']) {
        const html = await (await fetch(`http://127.0.0.1:${port}/personvern?lang=${lang}`)).text();
        assert.match(html, /<a href="tel:\+4755553333">55\u00a055\u00a033\u00a033<\/a> \((hverdager|kvardagar|weekdays) (kl\. )?09:00–15:00\)/, lang);
        assert.match(html, /(fingeravtrykk|fingerprint)/, `${lang}: the page says how a resume code is kept`);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
