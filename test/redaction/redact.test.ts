import assert from 'node:assert/strict';
import { redact, type RedactionKind } from '../../core/redaction/index.js';

// Numbers computed with an independent script (Python) from the published mod-11 rules.
const VALID: Array<[string, RedactionKind]> = [
  ['15038512363', 'fodselsnummer'],
  ['01019000164', 'fodselsnummer'],
  ['31129949980', 'fodselsnummer'],
  ['150385 12363', 'fodselsnummer'],
  ['15.03.85 12363', 'fodselsnummer'],
  ['150385-12363', 'fodselsnummer'],
  ['45019012410', 'dnummer'],
  ['71129987671', 'dnummer'],
  ['12345678903', 'kontonummer'],
  ['1234.56.78903', 'kontonummer'],
  ['1234 56 78903', 'kontonummer'],
  ['9710.05.12347', 'kontonummer'],
  ['91234567', 'telefonnummer'],
  ['912 34 567', 'telefonnummer'],
  ['91 23 45 67', 'telefonnummer'],
  ['+47 912 34 567', 'telefonnummer'],
  ['+4791234567', 'telefonnummer'],
  ['0047 22 33 44 55', 'telefonnummer'],
  ['4000 1234', 'telefonnummer'],
  ['150385  12363', 'fodselsnummer'],
  ['150385 - 12363', 'fodselsnummer'],
  ['150385/12363', 'fodselsnummer'],
  ['150385_12363', 'fodselsnummer'],
  ['150385\n12363', 'fodselsnummer'],
  ['150385\t12363', 'fodselsnummer'],
  ['1503\u200b8512363', 'fodselsnummer'],
  ['１５０３８５１２３６３', 'fodselsnummer'],
  ['24079045604', 'fodselsnummer'], // valid only under the rules for numbers issued from 2032
  ['61039734558', 'dnummer'], // the same, a D-nummer
  ['912-34-567', 'telefonnummer'],
  ['91.23.45.67', 'telefonnummer'],
  ['+47-412-34-567', 'telefonnummer'],
  ['ola.nordmann@example.no', 'epost'],
  ['ola.nordmann (at) example.no', 'epost'],
  ['ola.nordmann[at]example(dot)no', 'epost'],
  ['ola.nordmann at gmail.com', 'epost'],
  ['ola＠example.no', 'epost'],
  ['kari+nav@døgnvakt.example.com', 'epost'],
];

const LEFT_ALONE = [
  '15038512364', // fødselsnummer with a wrong second control digit
  '01019000165',
  '45019012411', // D-nummer, wrong control digit
  '12345678904', // account number, wrong control digit
  '1234.56.78904',
  '12345678901', // 11 digits, valid as neither
  '11111111111',
  '123456789012345', // too long to be any of them
  '1234567', // 7 digits
  '01234567', // phone numbers never start with 0 or 1
  '12345678',
  '25.12.2024', // a date, not a phone number
  '20 000 000 kr', // an amount
  'kr 25000000',
  '55 55 33 33', // Nav kontaktsenter: public, not personal
  '55 55 33 39', // Nav økonomi- og gjeldsrådgivning
  '22 40 00 40', // Kirkens SOS
  'ola.nordmann at example',
  '32038512345', // 11 digits with no such date
  '1500 / 2300 / 4500', // a list of amounts is not an account number
];

describe('redaction of identifying numbers and addresses', () => {
  for (const [value, kind] of VALID) {
    it(`removes ${kind} written as "${value}"`, () => {
      const result = redact(`Hei, mitt nummer er ${value}, takk.`);
      assert.equal(result.text, 'Hei, mitt nummer er […], takk.');
      assert.deepEqual(result.kinds, [kind]);
    });
  }

  for (const value of LEFT_ALONE) {
    it(`leaves "${value}" as it is`, () => {
      const text = `Jeg skrev ${value} i søknaden.`;
      assert.deepEqual(redact(text), { text, kinds: [] });
    });
  }

  it('removes several kinds in one message and reports each kind once', () => {
    const result = redact('fnr 15038512363, konto 1234.56.78903, ring 912 34 567 eller 41234567, e-post a@b.no');
    assert.equal(result.text, 'fnr […], konto […], ring […] eller […], e-post […]');
    assert.deepEqual(result.kinds, ['fodselsnummer', 'kontonummer', 'telefonnummer', 'epost']);
  });

  it('uses the placeholder the caller renders in the user language', () => {
    const result = redact('Fødselsnummer: 15038512363', { placeholder: (k) => `[${k} fjernet]` });
    assert.equal(result.text, 'Fødselsnummer: [fodselsnummer fjernet]');
  });

  it('finds a number glued to words and at the very start and end', () => {
    assert.equal(redact('15038512363').text, '[…]');
    assert.equal(redact('tlf:91234567').text, 'tlf:[…]');
  });

  it('keeps the text of a message without anything identifying byte for byte', () => {
    const text = 'Jeg har ikke penger til mat. Jeg er 34 år og har 2 barn. Husleia er 12 500 kr.';
    assert.deepEqual(redact(text), { text, kinds: [] });
  });

  it('removes two numbers joined by a comma, and numbers in a list', () => {
    assert.equal(redact('15038512363,45019012410').text, '[…],[…]');
    assert.equal(redact('Numrene: 15038512363, 45019012410 og 912 34 567.').text, 'Numrene: […], […] og […].');
  });

  it('takes an 11-digit number with a wrong control digit for one only when the text calls it a fødselsnummer, D-nummer, personnummer or fnr', () => {
    for (const text of ['fnr 15038512364', 'Fødselsnummeret mitt er 150385 12364', 'D-nummer: 45019012411', 'personnummer 15038512364', 'My national identity number is 15038512364']) {
      assert.notEqual(redact(text).text, text, text);
    }
    assert.equal(redact('Saksnummeret er 15038512364').text, 'Saksnummeret er 15038512364');
  });

  it('does not take the conjunction "at" or "look at" a public site for an e-mail address', () => {
    for (const text of ['Jeg vet at nav.no har svaret', 'Det er viktig at f.eks. husleie betales', 'I had a look at www.example.com', 'Eg har lese at lovdata.no seier noko']) {
      assert.deepEqual(redact(text), { text, kinds: [] });
    }
  });

  it('gives back a text with nothing to remove as it was typed, zero-width joiners and all', () => {
    const text = 'Familien vår 👩\u200d👩\u200d👧 har ikke råd til mat';
    assert.deepEqual(redact(text), { text, kinds: [] });
  });

  it('is stable: redacting twice gives the same text', () => {
    const once = redact('15038512363 og 91234567 og x@y.no').text;
    assert.deepEqual(redact(once), { text: once, kinds: [] });
  });
});
