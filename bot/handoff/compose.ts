import type { Application } from '@microsoft/teams-ai';
import type { BotAdapter, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Express } from 'express';
import { createAvailability, loadOpeningHours } from '../../core/availability/index.js';
import type { Lang } from '../../core/language.js';
import { HANDOFF_DIALOG_ID, HandoffDialog, type HandoffBeginOptions, type HandoffDialogOptions } from '../../dialogs/handoff/handoffDialog.js';
import type { RecordStore } from '../storage/recordStore.js';
import { veilederApi } from '../veileder/api.js';
import { copyPage } from '../veileder/copyPage.js';
import { veilederPage } from '../veileder/page.js';
import { VeilederPresence } from '../veileder/presence.js';
import { copyPath } from './copyLink.js';
import { createCitizenDelivery, type DeliveryChannels } from './delivery.js';
import { startHandoffExpiry } from './expiry.js';
import { startIdleClose } from './idleClose.js';
import { HandoffQueue } from './handoffQueue.js';
import { loadQueueSettings } from './settings.js';
import { adapterPoster, type TeamsPoster } from './teams/poster.js';
import { TeamsRegistry } from './teams/registry.js';
import { TeamsVeilederSide } from './teams/teamsSide.js';
import { UrgentLimit } from './urgentLimit.js';
import { createHandoffTurnHook } from './turnHook.js';
import { VeilederActions } from './veilederActions.js';

const PRESENCE_CHANNEL = 'veileder-presence';

export interface HandoffPartsOptions {
  records: RecordStore;
  veilederToken: string;
  openingHours: 'data' | 'always';
  /** Signs the citizen's copy links; keep it stable across restarts (e.g. the Direct Line secret). */
  copySecret: string;
  /** The public origin for links sent to the citizen (e.g. "https://veiviser.example"); read when a link is made. */
  publicBaseUrl?: string | (() => string | undefined);
  veilederLang?: 'nb' | 'nn';
  /** VEILEDER_TEAMS_CONVERSATION: the Teams team or chat ids where handoff cards go. */
  teamsDestinations?: readonly string[];
  /** The Bot Framework adapter (Teams and Azure channels), when configured. */
  adapter?: BotAdapter;
  appId?: string;
  /** Posts into Teams; default: through `adapter`. Tests pass a stand-in for the Bot Connector. */
  teamsPoster?: TeamsPoster;
  checkSafety?: (text: string) => unknown;
  /** An accepted handoff with no message for this many days is closed (HANDOFF_IDLE_DAYS). */
  idleDays?: number;
  /** A resume code and link for the web page (bot/resume). */
  resumeOffer?: HandoffDialogOptions['resumeOffer'];
  /** Urgent handoffs per address per hour before they queue as ordinary (default 3). */
  urgentPerHour?: number;
  clock?: () => Date;
  log?: { error(fields: Record<string, unknown>, message: string): void };
}

export interface HandoffParts {
  queue: HandoffQueue;
  actions: VeilederActions;
  presence: VeilederPresence;
  dialog: HandoffDialog;
  /** The veileder side in Teams; undefined without an adapter (no Bot Framework credentials). */
  teams?: TeamsVeilederSide;
  /** For AppOptions.extend: the Teams veileder routes (install, card actions, thread replies). */
  extendApp: (app: Application) => void;
  /** For RootHooks.beforeTurn. */
  beforeTurn: (ctx: TurnContext, data: { lang: Lang }) => Promise<boolean>;
  /** For RootHooks.withVeileder: a handoff of this conversation is queued or accepted. */
  withVeileder: (ctx: TurnContext) => Promise<boolean>;
  /** For RootHooks.startHandoff. */
  startHandoff: (dc: DialogContext, options?: HandoffBeginOptions) => Promise<unknown>;
  /** Mounts /api/handoffs, /veileder and /kopi; gives delivery the local Direct Line. */
  mount: (web: Express, parts: { directLine?: DeliveryChannels['directLine'] }) => void;
  /** Starts the expiry sweep (and reads where the Teams destinations are); returns a stop function. */
  start: () => Promise<() => void>;
}

/** Everything the handoff needs, built once at start-up and merged into the server's parts. */
export function createHandoffParts(options: HandoffPartsOptions): HandoffParts {
  const clock = options.clock ?? (() => new Date());
  const onError = (error: unknown) =>
    options.log?.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'handoff side task failed');
  const settings = loadQueueSettings();
  const presence = new VeilederPresence(
    60_000,
    clock,
    { publish: (m) => options.records.publish(PRESENCE_CHANNEL, m), subscribe: (fn) => options.records.subscribe(PRESENCE_CHANNEL, fn) },
    onError,
  );
  const registry = new TeamsRegistry(options.records, options.teamsDestinations ?? [], clock);
  // A veileder team in Teams counts as someone on duty; otherwise whoever uses the page or the API.
  const online = () => presence.online() + (registry.installed ? 1 : 0);
  const channels: DeliveryChannels = { adapter: options.adapter, appId: options.appId };
  const urgentLimit = new UrgentLimit(options.urgentPerHour, clock);
  const queue = new HandoffQueue({
    records: options.records,
    availability: createAvailability(loadOpeningHours(), options.openingHours),
    settings,
    clock,
    veiledereOnline: online,
    // The web chat's client address; in Teams (no address) the user's id.
    allowUrgent: (input) =>
      urgentLimit.allow(
        channels.directLine?.clientAddressOf?.(input.conversationId) ?? (input.citizenRef as { user?: { id?: string } }).user?.id,
      ),
  });
  // Relative links work in Web Chat (they resolve against the page); Teams needs PUBLIC_BASE_URL.
  const publicBase = typeof options.publicBaseUrl === 'function' ? options.publicBaseUrl : () => options.publicBaseUrl as string | undefined;
  const publicUrl = (path: string) => {
    const base = publicBase();
    return base ? `${base.replace(/\/+$/, '')}${path}` : path;
  };
  const deliver = createCitizenDelivery(channels);
  const actions = new VeilederActions({
    queue,
    records: options.records,
    deliver,
    copySecret: options.copySecret,
    publicUrl,
    onError,
  });
  const poster = options.teamsPoster ?? (options.adapter ? adapterPoster(options.adapter, options.appId ?? '') : undefined);
  const teams = poster ? new TeamsVeilederSide({ actions, registry, poster, veilederLang: options.veilederLang, onError }) : undefined;
  if (teams) queue.onChange((record) => teams.onChange(record), onError);
  const dialog = new HandoffDialog({
    queue,
    clock,
    veilederLang: options.veilederLang,
    veiledereOnline: online,
    copyLink: (id) => publicUrl(copyPath(options.copySecret, id)),
    resumeOffer: options.resumeOffer,
  });
  const beforeTurn = createHandoffTurnHook({
    queue,
    checkSafety: options.checkSafety,
    onCitizenMessage: teams ? (record, seq) => teams.onCitizenMessage(record, seq) : undefined,
    onError,
  });
  return {
    queue,
    actions,
    presence,
    dialog,
    teams,
    extendApp: (app) => teams?.register(app),
    beforeTurn,
    withVeileder: async (ctx: TurnContext) => {
      const conversationId = ctx.activity.conversation?.id;
      return conversationId ? (await queue.activeFor(conversationId)) !== undefined : false;
    },
    startHandoff: (dc, begin) => dc.beginDialog(HANDOFF_DIALOG_ID, begin),
    mount(web, parts) {
      if (parts.directLine) channels.directLine = parts.directLine;
      web.use('/api/handoffs', veilederApi({ actions, token: options.veilederToken, presence, onError }));
      web.use(veilederPage());
      web.use(copyPage(queue, options.copySecret));
    },
    async start() {
      await registry.start().catch(onError);
      const intervalMs = settings.sweepIntervalSeconds * 1000;
      const sweep = startHandoffExpiry({ queue, deliver, intervalMs, clock, onError });
      const idle = startIdleClose({ queue, deliver, idleDays: options.idleDays ?? 7, intervalMs, veilederLang: options.veilederLang, clock, onError });
      return () => {
        sweep.stop();
        idle.stop();
      };
    },
  };
}

