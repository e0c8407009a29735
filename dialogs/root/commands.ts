import { matchKey } from '../../core/normalize.js';
import { LANGUAGES, type Lang } from '../../core/language.js';
import { tList } from '../i18n.js';

export type GlobalCommand = 'help' | 'menu' | 'cancel' | 'restart' | 'human' | 'keepLanguage' | 'delete' | 'goOn' | `lang:${Lang}`;

const COMMAND_KEYS: { command: GlobalCommand; key: string }[] = [
  { command: 'help', key: 'commands.help' },
  { command: 'menu', key: 'commands.menu' },
  { command: 'cancel', key: 'commands.cancel' },
  { command: 'restart', key: 'commands.restart' },
  { command: 'human', key: 'commands.human' },
  { command: 'lang:nb', key: 'commands.nb' },
  { command: 'lang:nn', key: 'commands.nn' },
  { command: 'lang:en', key: 'commands.en' },
  { command: 'keepLanguage', key: 'commands.keepLanguage' },
  { command: 'delete', key: 'commands.delete' },
  { command: 'goOn', key: 'commands.goOn' },
];

let table: Map<string, GlobalCommand> | undefined;

/**
 * Command words from every language are accepted in every language: a user who reads bokmål
 * badly may still type "english" or "help".
 */
function commandTable(): Map<string, GlobalCommand> {
  if (table) return table;
  const built = new Map<string, GlobalCommand>();
  for (const lang of LANGUAGES) {
    for (const { command, key: listKey } of COMMAND_KEYS) {
      for (const phrase of tList(lang, listKey)) {
        if (!built.has(matchKey(phrase))) built.set(matchKey(phrase), command);
      }
    }
  }
  table = built;
  return built;
}

/** A global command when the whole message is one of the command phrases, else undefined. */
export function matchGlobalCommand(text: string): GlobalCommand | undefined {
  return commandTable().get(matchKey(text));
}
