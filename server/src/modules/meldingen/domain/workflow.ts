// SPDX-License-Identifier: EUPL-1.2
// The lifecycle of a melding as a typed transition table with guards. Pure: no I/O.
// Other modules extend the table (the informatieknooppunt adds opplussen and weging) with
// `extendWorkflow`, they never edit the base table.

export const BASE_STATUSES = [
  'ontvangen',
  'in-triage',
  'in-behandeling',
  'wacht-op-reactie',
  'doorgezet',
  'afgehandeld',
  'heropend',
  'geannuleerd',
] as const;
export type BaseStatus = (typeof BASE_STATUSES)[number];

export const DOORZET_DOELEN = ['politie', 'veilig-thuis', 'riec', 'meld-misdaad-anoniem', 'andere-gemeente', 'zorg-en-veiligheidshuis'] as const;
export type DoorzetDoel = (typeof DOORZET_DOELEN)[number];

export const DOORZET_LABELS: Record<DoorzetDoel, string> = {
  politie: 'Politie',
  'veilig-thuis': 'Veilig Thuis',
  riec: 'RIEC Oost-Nederland',
  'meld-misdaad-anoniem': 'Meld Misdaad Anoniem',
  'andere-gemeente': 'Andere gemeente',
  'zorg-en-veiligheidshuis': 'Zorg- en Veiligheidshuis',
};

/** What a guard may look at: the melding's facts and the requested change, never the database. */
export interface TransitionContext {
  reason: string | null;
  doorgezetNaar: string | null;
  /** True when the reporter can be reached (receipt code or contact details). */
  reporterReachable: boolean;
  /** True when the melding has an assigned handler. */
  assigned: boolean;
  /** True when it is linked as a child of another melding (children close with their parent). */
  isChild: boolean;
  actorIsSystem: boolean;
}

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  /** Label for the UI button. */
  label: string;
  /** Returns a Dutch refusal, or null when allowed. */
  guard?: (ctx: TransitionContext) => string | null;
  /** Only the application itself (timers) may take this transition. */
  systemOnly?: boolean;
}

export interface Workflow<S extends string> {
  statuses: readonly S[];
  initial: S;
  /** Statuses that close the melding (retention clock starts). */
  closed: readonly S[];
  transitions: readonly Transition<S>[];
}

const needsReason = (what: string) => (ctx: TransitionContext) => (ctx.reason && ctx.reason.trim().length >= 3 ? null : `Geef een reden op bij ${what}.`);

const OPEN: readonly BaseStatus[] = ['ontvangen', 'in-triage', 'in-behandeling', 'wacht-op-reactie', 'heropend'];

export const MELDING_WORKFLOW: Workflow<BaseStatus> = {
  statuses: BASE_STATUSES,
  initial: 'ontvangen',
  closed: ['afgehandeld', 'doorgezet', 'geannuleerd'],
  transitions: [
    { from: ['ontvangen', 'heropend'], to: 'in-triage', label: 'Start triage' },
    { from: ['ontvangen', 'in-triage', 'wacht-op-reactie', 'heropend'], to: 'in-behandeling', label: 'In behandeling nemen' },
    {
      from: ['in-triage', 'in-behandeling', 'heropend'],
      to: 'wacht-op-reactie',
      label: 'Reactie vragen aan melder',
      guard: (ctx) => (ctx.reporterReachable ? null : 'De melder is niet bereikbaar: er is geen ontvangstcode of contactgegeven.'),
    },
    {
      from: OPEN,
      to: 'doorgezet',
      label: 'Doorzetten',
      guard: (ctx) =>
        !ctx.doorgezetNaar || !(DOORZET_DOELEN as readonly string[]).includes(ctx.doorgezetNaar)
          ? 'Kies naar wie de melding wordt doorgezet.'
          : needsReason('doorzetten')(ctx),
    },
    {
      from: ['in-triage', 'in-behandeling', 'wacht-op-reactie', 'heropend'],
      to: 'afgehandeld',
      label: 'Afhandelen',
      guard: (ctx) => needsReason('afhandelen')(ctx),
    },
    { from: ['afgehandeld', 'doorgezet', 'geannuleerd'], to: 'heropend', label: 'Heropenen', guard: needsReason('heropenen') },
    { from: OPEN, to: 'geannuleerd', label: 'Annuleren', guard: needsReason('annuleren') },
  ],
};

/** Adds statuses and transitions; existing transitions stay as they are. */
export function extendWorkflow<S extends string, X extends string>(
  base: Workflow<S>,
  extra: { statuses: readonly X[]; closed?: readonly X[]; transitions: readonly Transition<S | X>[] },
): Workflow<S | X> {
  const statuses = [...base.statuses, ...extra.statuses];
  if (new Set(statuses).size !== statuses.length) throw new Error('extendWorkflow: status bestaat al');
  return {
    statuses,
    initial: base.initial,
    closed: [...base.closed, ...(extra.closed ?? [])],
    transitions: [...base.transitions, ...extra.transitions],
  };
}

export type TransitionResult<S extends string> = { ok: true; transition: Transition<S> } | { ok: false; message: string };

export function checkTransition<S extends string>(wf: Workflow<S>, from: S, to: S, ctx: TransitionContext): TransitionResult<S> {
  if (!wf.statuses.includes(to)) return { ok: false, message: `Onbekende status "${to}".` };
  const t = wf.transitions.find((tr) => tr.to === to && tr.from.includes(from));
  if (!t) return { ok: false, message: `Een melding met status "${statusLabel(from)}" kan niet naar "${statusLabel(to)}".` };
  if (t.systemOnly && !ctx.actorIsSystem) return { ok: false, message: 'Deze statuswijziging doet het systeem zelf.' };
  const refusal = t.guard?.(ctx) ?? null;
  return refusal ? { ok: false, message: refusal } : { ok: true, transition: t };
}

/** The transitions a user may offer from a status (guards checked later with the reason). */
export function availableTransitions<S extends string>(wf: Workflow<S>, from: S): Transition<S>[] {
  return wf.transitions.filter((t) => t.from.includes(from) && !t.systemOnly);
}

export function isClosed<S extends string>(wf: Workflow<S>, status: S): boolean {
  return wf.closed.includes(status);
}

const LABELS: Record<BaseStatus, string> = {
  ontvangen: 'Ontvangen',
  'in-triage': 'In triage',
  'in-behandeling': 'In behandeling',
  'wacht-op-reactie': 'Wacht op reactie melder',
  doorgezet: 'Doorgezet',
  afgehandeld: 'Afgehandeld',
  heropend: 'Heropend',
  geannuleerd: 'Geannuleerd',
};

export function statusLabel(s: string): string {
  return (LABELS as Record<string, string>)[s] ?? s;
}

/** What a reporter sees: three coarse states, never the outcome. */
export type PublicStatus = 'ontvangen' | 'in-behandeling' | 'afgehandeld';

export function publicStatus(status: string): PublicStatus {
  if (status === 'ontvangen') return 'ontvangen';
  if (status === 'afgehandeld' || status === 'doorgezet' || status === 'geannuleerd') return 'afgehandeld';
  return 'in-behandeling';
}

/** Open311 exposes only open/closed. */
export function open311Status(status: string): 'open' | 'closed' {
  return publicStatus(status) === 'afgehandeld' ? 'closed' : 'open';
}
