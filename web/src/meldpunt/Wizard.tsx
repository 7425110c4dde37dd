// SPDX-License-Identifier: EUPL-1.2
// De meldwizard: zes stappen in React-state (niets in de URL of in de opslag van de browser),
// focus naar de stapkop bij elke stapwissel, serverfouten terug naar de juiste stap en het veld.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { Button, ButtonGroup } from '../components/Button.js';
import { ErrorSummary, useFormErrors } from '../components/FormErrors.js';
import { Link } from '../components/Link.js';
import { Paragraph, VisuallyHidden } from '../components/Typography.js';
import { solveAltcha } from './altcha.js';
import { meldpuntApi, multipart, type Category, type Gemeentebepaling, type Kanaal, type Receipt } from './api.js';
import {
  emptyDraft,
  fieldDefinitions,
  FORM_ID,
  hardStop,
  isPostcode,
  normalisePostcode,
  requestBody,
  serverField,
  STEP_COUNT,
  STEP_SUMMARY,
  validateStep,
  type Draft,
} from './draft.js';
import { StepContact, StepFiles, StepSummary, StepWhat, StepWhen, StepWhere } from './steps.js';
import { Confirmation } from './Confirmation.js';
import { useMeldpuntTitle } from './chrome.js';
import { T } from './texts.js';

type Phase = 'invullen' | 'controle' | 'versturen';
type Lookup = { postcode: string; result: Gemeentebepaling };
type PendingErrors = Record<string, { step: number; message: string }>;

export function Wizard({ kanaal }: { kanaal: Kanaal }) {
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(kanaal));
  const [step, setStep] = useState(0);
  const [returnToSummary, setReturnToSummary] = useState(false);
  const [gemeente, setGemeente] = useState<Lookup | null>(null);
  const [lookupBusy, setLookupBusy] = useState(false);
  const [pending, setPending] = useState<PendingErrors>({});
  const [phase, setPhase] = useState<Phase>('invullen');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const latestLookup = useRef('');
  const abortRef = useRef<AbortController | null>(null);

  const category = categories?.find((c) => c.id === draft.categorie);
  const fields = useMemo(() => fieldDefinitions(category), [category]);
  const form = useFormErrors(FORM_ID, fields);
  const stop = hardStop(category, draft.antwoorden);
  const stepTitle = T.wizard.stappen[step] ?? '';
  useMeldpuntTitle(receipt ? T.bevestiging.titel : `${stepTitle} (${T.wizard.stap(step + 1, STEP_COUNT)}) — ${T.wizard.kanaalTitel[kanaal]}`);

  useEffect(() => {
    let cancelled = false;
    setLoadError(null);
    meldpuntApi
      .categories(kanaal)
      .then((list) => {
        if (!cancelled) setCategories(list);
      })
      .catch(() => {
        if (!cancelled) setLoadError(T.fout.laden);
      });
    return () => {
      cancelled = true;
    };
  }, [kanaal, loadAttempt]);

  useEffect(() => () => abortRef.current?.abort(), []);

  // Focus naar de kop van de nieuwe stap (niet als er fouten zijn: dan krijgt de samenvatting de focus).
  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    headingRef.current?.focus();
  }, [step, receipt]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((prev) => ({ ...prev, ...patch })), []);

  const lookup = useCallback(async (postcode: string): Promise<Lookup | string> => {
    const pc = normalisePostcode(postcode);
    latestLookup.current = pc;
    setLookupBusy(true);
    try {
      const result = await meldpuntApi.gemeente(pc);
      const found = { postcode: pc, result };
      if (latestLookup.current === pc) setGemeente(found);
      return found;
    } catch (error) {
      if (latestLookup.current === pc) setGemeente(null);
      return error instanceof ApiError ? (error.errors[0]?.melding ?? error.message_nl) : T.waar.nietBepaald;
    } finally {
      if (latestLookup.current === pc) setLookupBusy(false);
    }
  }, []);

  // De gemeente opzoeken zodra de postcode compleet is (kort uitgesteld tijdens het typen).
  useEffect(() => {
    if (step !== 1 || draft.locatieSoort !== 'adres' || !isPostcode(draft.postcode)) return;
    const pc = normalisePostcode(draft.postcode);
    if (gemeente?.postcode === pc) return;
    const timer = setTimeout(() => void lookup(pc), 400);
    return () => clearTimeout(timer);
  }, [step, draft.locatieSoort, draft.postcode, gemeente, lookup]);

  const enter = (target: number, remaining: PendingErrors = pending) => {
    const mine: Record<string, string> = {};
    const rest: PendingErrors = {};
    for (const [name, item] of Object.entries(remaining)) {
      if (item.step === target) mine[name] = item.message;
      else rest[name] = item;
    }
    setPending(rest);
    if (Object.keys(mine).length > 0) form.setClientErrors(mine);
    else {
      form.clear();
      focusHeading.current = true;
    }
    setStep(target);
  };

  const next = async () => {
    if (step === 0 && stop) return;
    let found: Gemeentebepaling | null = gemeente?.result ?? null;
    if (step === 1 && draft.locatieSoort === 'adres' && isPostcode(draft.postcode)) {
      const pc = normalisePostcode(draft.postcode);
      if (gemeente?.postcode !== pc) {
        const r = await lookup(pc);
        if (typeof r === 'string') {
          form.setClientErrors({ postcode: r });
          return;
        }
        found = r.result;
      }
    }
    const errors = validateStep(step, draft, category, found);
    if (Object.keys(errors).length > 0) {
      form.setClientErrors(errors);
      return;
    }
    if (returnToSummary) {
      setReturnToSummary(false);
      enter(STEP_SUMMARY);
    } else enter(step + 1);
  };

  const previous = () => {
    setReturnToSummary(false);
    enter(step - 1);
  };

  const edit = (target: number) => {
    setReturnToSummary(true);
    enter(target);
  };

  const onSubmitError = (error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    if (error instanceof ApiError && error.errors.length > 0) {
      const mapped: PendingErrors = {};
      const general: string[] = [];
      for (const item of error.errors) {
        const target = serverField(item.veld);
        if (!target) general.push(item.melding);
        else {
          const earlier = mapped[target.name]?.message;
          mapped[target.name] = { step: target.step, message: earlier ? `${earlier} ${item.melding}` : item.melding };
        }
      }
      if (general.length === 0) {
        const first = Math.min(...Object.values(mapped).map((m) => m.step));
        setReturnToSummary(false);
        enter(first, mapped);
        return;
      }
    }
    const detail = error instanceof ApiError ? error.message_nl : error instanceof Error ? error.message : T.fout.onverwacht('?');
    form.setGeneral(T.controle.mislukt, detail);
  };

  const submit = async () => {
    form.clear();
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      setPhase('controle');
      const challenge = await meldpuntApi.challenge();
      const altcha = await solveAltcha(challenge, controller.signal);
      setPhase('versturen');
      const result = await meldpuntApi.submit(multipart(requestBody(draft, category, kanaal), draft.bestanden, { altcha }));
      // Na het versturen niets van de melding bewaren; de ontvangstcode staat alleen op het scherm.
      setDraft(emptyDraft(kanaal));
      setGemeente(null);
      focusHeading.current = true;
      setReceipt(result);
    } catch (error) {
      onSubmitError(error);
    } finally {
      setPhase('invullen');
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (phase !== 'invullen') return;
    void (step === STEP_SUMMARY ? submit() : next());
  };

  if (receipt) return <Confirmation receipt={receipt} headingRef={headingRef} />;

  const busy = phase !== 'invullen';
  // De kop blijft hetzelfde element tijdens het laden, zodat de focus na de routewissel blijft staan.
  const header = (
    <>
      <p className="meldpunt-kanaal">{T.wizard.kanaalTitel[kanaal]}</p>
      <h1 ref={headingRef} className="utrecht-heading-1 knooppunt-page__heading meldpunt-step-heading" tabIndex={-1} data-page-heading="">
        <span className="meldpunt-stap" data-testid="stap">
          {T.wizard.stap(step + 1, STEP_COUNT)}
          <VisuallyHidden>: </VisuallyHidden>
        </span>{' '}
        {stepTitle}
      </h1>
    </>
  );

  if (!categories) {
    return (
      <div className="meldpunt-wizard">
        {header}
        {loadError ? (
          <Alert type="error" role="alert">
            <p className="utrecht-paragraph">{loadError}</p>
            <Button onClick={() => setLoadAttempt((n) => n + 1)}>{T.fout.opnieuw}</Button>
          </Alert>
        ) : (
          <Paragraph role="status">{T.wizard.laden}</Paragraph>
        )}
      </div>
    );
  }

  return (
    <div className="meldpunt-wizard">
      {header}
      <ErrorSummary form={form} />
      <form noValidate onSubmit={onSubmit} className="meldpunt-form">
        {step === 0 ? <StepWhat kanaal={kanaal} draft={draft} update={update} form={form} categories={categories} stop={stop} /> : null}
        {step === 1 ? (
          <StepWhere kanaal={kanaal} draft={draft} update={update} form={form} gemeente={gemeente?.result ?? null} lookupBusy={lookupBusy} />
        ) : null}
        {step === 2 ? <StepWhen kanaal={kanaal} draft={draft} update={update} form={form} /> : null}
        {step === 3 ? <StepFiles kanaal={kanaal} draft={draft} update={update} form={form} /> : null}
        {step === 4 ? <StepContact kanaal={kanaal} draft={draft} update={update} form={form} /> : null}
        {step === STEP_SUMMARY ? (
          <StepSummary kanaal={kanaal} draft={draft} categories={categories} gemeente={gemeente?.result ?? null} onEdit={edit} />
        ) : null}
        {step === STEP_SUMMARY ? (
          <div role="status" className="meldpunt-progress" data-testid="verzendstatus">
            {phase === 'controle' ? (
              <>
                <Paragraph className="meldpunt-progress__title">{T.controle.controle}</Paragraph>
                <Paragraph small>{T.controle.controleUitleg}</Paragraph>
              </>
            ) : phase === 'versturen' ? (
              <Paragraph className="meldpunt-progress__title">{T.controle.bezig}</Paragraph>
            ) : null}
          </div>
        ) : null}
        <ButtonGroup>
          {step === STEP_SUMMARY ? (
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {T.controle.versturen}
            </Button>
          ) : step === 0 && stop ? null : (
            <Button type="submit" appearance="primary-action-button">
              {returnToSummary ? T.wizard.terugNaarControle : T.wizard.volgende}
            </Button>
          )}
          {step > 0 ? (
            <Button appearance="secondary-action-button" onClick={previous} disabled={busy}>
              {T.wizard.vorige}
            </Button>
          ) : (
            <Link to="/melden" className="meldpunt-back-link">
              {T.app.naarStart}
            </Link>
          )}
        </ButtonGroup>
      </form>
    </div>
  );
}
