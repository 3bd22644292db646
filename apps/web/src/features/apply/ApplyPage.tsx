import { DossierView, DraftCheck, DraftView } from '@congso/contracts';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import Form from '@rjsf/mantine';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiError, getJson, sendJson } from '../../lib/api.ts';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { ActingForSelect, useActingFor, usePrincipalLabel } from '../auth/acting-for.tsx';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';
import { useAgencyNames } from '../portal/agency-names.ts';
import { cspSafeValidator } from './csp-validator.ts';
import { DocumentUploads, type DocumentRule } from './DocumentUploads.tsx';
import { mergePrefilled, toExtraErrors, toRjsfUiSchema, withPrefillNotes } from './form-schema.ts';
import { ReviewList } from './ReviewList.tsx';

// Applying online (Decree 118/2025 Art. 17): the service's form generated from its JSON Schema, saved
// as a draft while it is filled (reload or come back later), documents uploaded with their checks and
// progress, a review, and filing with an Idempotency-Key derived from the draft — a double click or a
// retry after a lost answer files one dossier, never two.

const Definition = z.looseObject({
  procedureCode: z.string(),
  name: z.string(),
  form: z.looseObject({ schema: z.record(z.string(), z.unknown()), uiSchema: z.record(z.string(), z.unknown()) }),
  documents: z.array(z.looseObject({ code: z.string(), name: z.string(), requirement: z.enum(['mandatory', 'conditional']), condition: z.string().optional(), accepted: z.array(z.string()), maxBytes: z.number() })).default([]),
  /** Registry sources of the form's fields (once-only): the server fills them when the draft starts. */
  prefill: z.array(z.looseObject({ service: z.string() })).default([]),
});
const Services = z.array(z.looseObject({ id: z.string(), version: z.number(), definition: Definition }));
type Draft = z.infer<typeof DraftView>;
type Dossier = z.infer<typeof DossierView>;

const SAVE_AFTER_MS = 800;

const ERROR_KEYS: Record<string, MessageKey> = {
  required: 'form.error.required', minLength: 'form.error.minLength', maxLength: 'form.error.maxLength', pattern: 'form.error.pattern',
  format: 'form.error.format', enum: 'form.error.enum', minimum: 'form.error.minimum', maximum: 'form.error.maximum',
};

export default function ApplyPage({ agencyCode, procedureCode }: { agencyCode: string; procedureCode: string }) {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const signedIn = useSignedIn();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const [definition, setDefinition] = useState<z.infer<typeof Definition> | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  // Saved only once the person has typed or chosen something (the form's own defaults are not a draft).
  const [touched, setTouched] = useState(false);
  const [step, setStep] = useState<'form' | 'review' | 'receipt'>('form');
  const [saved, setSaved] = useState<{ state: 'idle' | 'saving' | 'saved' | 'failed'; at?: string }>({ state: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [extraErrors, setExtraErrors] = useState<Record<string, unknown> | undefined>(undefined);
  const [filed, setFiled] = useState<Dossier | null>(null);
  const [busy, setBusy] = useState(false);
  const agencyName = useAgencyNames([agencyCode], locale);
  const fetcher = platformSession().authorizedFetch;
  const creating = useRef<Promise<Draft> | null>(null);
  const acting = useActingFor();
  const principalLabel = usePrincipalLabel();
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  useEffect(() => {
    const controller = new AbortController();
    getJson(`/api/v1/agencies/${encodeURIComponent(agencyCode)}/services`, Services, controller.signal)
      .then((services) => {
        const found = services.find((s) => s.definition.procedureCode === procedureCode);
        if (found) setDefinition(found.definition);
        else setError(t('apply.notOffered'));
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(messageOf(caught));
      });
    return () => controller.abort();
  }, [agencyCode, procedureCode]);

  // Coming back to a draft (the address keeps its id): the form as it was saved.
  useEffect(() => {
    if (!signedIn || !draftId || draft?.id === draftId) return;
    getJson(`/api/v1/drafts/${encodeURIComponent(draftId)}`, DraftView, undefined, fetcher)
      .then((found) => {
        setDraft(found);
        setFormData(found.formData);
      })
      .catch((caught: unknown) => setError(messageOf(caught)));
  }, [signedIn, draftId]);

  /**
   * The draft, created on the first change (once, however many changes arrive meanwhile). The server
   * fills the form's registry fields when it starts the draft of a person filing for themself.
   */
  function ensureDraft(data: Record<string, unknown>): Promise<Draft> {
    if (draft) return Promise.resolve(draft);
    creating.current ??= sendJson('POST', '/api/v1/drafts', { agencyCode, procedureCode, formData: data, ...(acting.current && acting.current.kind !== 'self' ? { onBehalfOf: acting.current.id } : {}) }, DraftView, fetcher).then((created) => {
      setDraft(created);
      // The form stayed editable while the registry answered: merge, so nothing typed meanwhile is lost
      // (the autosave then sends the merged form).
      const pointers = created.prefill?.fields.map((field) => field.pointer) ?? [];
      if (pointers.length > 0) setFormData((current) => mergePrefilled(current, created.formData, pointers));
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('draft', created.id);
        return next;
      }, { replace: true });
      return created;
    });
    return creating.current;
  }

  // Once-only: a form with registry sources starts its draft at once for a person who acts for
  // nobody else (whom the dossier is for is then not in doubt); the others start it with the button.
  const prefillable = (definition?.prefill.length ?? 0) > 0;
  useEffect(() => {
    if (!signedIn || draftId || draft || !prefillable || acting.principals === null || acting.principals.some((p) => p.kind !== 'self')) return;
    ensureDraft(formData).catch((caught: unknown) => setError(messageOf(caught)));
  }, [signedIn, draftId, prefillable, acting.principals]);

  // Saves the form a moment after the last change.
  useEffect(() => {
    if (!signedIn || !touched || step !== 'form' || (draft && draft.formData === formData)) return;
    const timer = setTimeout(() => {
      setSaved({ state: 'saving' });
      ensureDraft(formData)
        .then((current) => sendJson('PUT', `/api/v1/drafts/${current.id}`, { formData }, DraftView, fetcher))
        .then((updated) => setSaved({ state: 'saved', at: updated.updatedAt }))
        .catch(() => setSaved({ state: 'failed' }));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [formData, signedIn, step, touched]);

  const uiSchema = useMemo(() => {
    if (!definition) return {};
    const base = toRjsfUiSchema(definition.form.schema, definition.form.uiSchema);
    return withPrefillNotes(base, (draft?.prefill?.fields ?? []).map((field) => ({ pointer: field.pointer, note: t('apply.prefilledFrom', { source: field.source[locale] }) })));
  }, [definition, draft?.prefill, locale]);

  /** The server's form errors, worded in the person's language, next to their fields. */
  const showIssues = (issues: readonly { path: string; keyword?: string; limit?: number }[]) =>
    setExtraErrors(issues.length > 0 ? toExtraErrors(issues.map((issue) => ({ path: issue.path, message: t(ERROR_KEYS[issue.keyword ?? ''] ?? 'form.error.other', { limit: issue.limit ?? '' }) }))) : undefined);

  /** Saves the form, asks the server what filing would refuse, and goes to the review when nothing. */
  async function toReview(data: Record<string, unknown>) {
    setError(null);
    try {
      const current = await ensureDraft(data);
      const updated = await sendJson('PUT', `/api/v1/drafts/${current.id}`, { formData: data }, DraftView, fetcher);
      setDraft(updated);
      const check = await sendJson('POST', `/api/v1/drafts/${current.id}/check`, undefined, DraftCheck, fetcher);
      showIssues(check.errors);
      const missing = definition?.documents.filter((d) => check.missingDocuments.includes(d.code)) ?? [];
      if (missing.length > 0) setError(t('apply.missingDocuments', { names: missing.map((d) => d.name).join('; ') }));
      if (check.errors.length === 0 && missing.length === 0) setStep('review');
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  async function file() {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      // The key is the draft's: the same draft filed twice is the same dossier.
      const result = await sendJson('POST', `/api/v1/drafts/${draft.id}/submit`, undefined, DossierView, fetcher, { 'idempotency-key': `draft-${draft.id}` });
      setFiled(result);
      setStep('receipt');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'dossiers.invalid_form') {
        showIssues(caught.errors);
        setStep('form');
      }
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  if (!signedIn) return <SignInFirst title={t('procedure.online')} reason={t('apply.signInFirst')} />;
  if (!definition) return error ? <Alert color="red" title={t('common.error')}>{error}</Alert> : <Loader aria-label={t('common.loading')} />;

  const documents: DocumentRule[] = definition.documents;
  const owner = draft ? acting.principals?.find((p) => p.id === draft.ownerId) : undefined;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('apply.title', { name: definition.name })}</Title>
        <Text>{agencyName(agencyCode)}</Text>
      </Stack>
      {/* Whom the dossier is for is chosen before the draft exists; the draft then keeps its owner. */}
      {draft ? (
        owner && owner.kind !== 'self' ? <Text fw={600}>{t('acting.filingFor', { name: principalLabel(owner) })}</Text> : null
      ) : (
        <Group align="end">
          <ActingForSelect scope="dossiers:submit" acting={acting} />
          {prefillable && acting.principals?.some((p) => p.kind !== 'self') ? (
            <Button variant="light" onClick={() => void ensureDraft(formData).catch((caught: unknown) => setError(messageOf(caught)))}>{t('apply.start')}</Button>
          ) : null}
        </Group>
      )}
      {draft?.prefill && draft.prefill.fields.length > 0 ? (
        <Alert color="blue" title={t('apply.prefilledTitle')}>
          {t('apply.prefilledLead', { sources: [...new Set(draft.prefill.fields.map((f) => f.source[locale]))].join(', ') })}
        </Alert>
      ) : null}
      {draft?.prefill && draft.prefill.unavailable.length > 0 ? (
        <Alert color="yellow" title={t('apply.prefillUnavailableTitle')}>
          {t('apply.prefillUnavailable', { sources: draft.prefill.unavailable.map((u) => u.source[locale]).join(', ') })}
        </Alert>
      ) : null}
      {error ? <Alert color="red" title={t('common.error')} role="alert">{error}</Alert> : null}

      {step === 'form' ? (
        <>
          <Text size="sm" aria-live="polite">
            {saved.state === 'saving' ? t('apply.draftSaving') : saved.state === 'saved' && saved.at ? t('apply.draftSaved', { time: formatDateTime(saved.at) }) : saved.state === 'failed' ? t('apply.draftError') : ''}
          </Text>
          <Card withBorder component="section" aria-label={t('apply.formTitle')}>
            <Form
              schema={definition.form.schema}
              uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { submitText: t('apply.toReview') } }}
              formData={formData}
              validator={cspSafeValidator}
              extraErrors={extraErrors as never}
              showErrorList={false}
              noHtml5Validate
              onChange={(event, fieldId) => {
                setFormData((event.formData ?? {}) as Record<string, unknown>);
                if (fieldId) setTouched(true);
              }}
              onSubmit={(event) => {
                const data = (event.formData ?? {}) as Record<string, unknown>;
                setFormData(data);
                void toReview(data);
              }}
            >
              <Stack gap="md" mt="md">
                <DocumentUploads documents={documents} draft={draft} ensureDraft={() => ensureDraft(formData)} onChange={setDraft} />
                <Group>
                  <Button type="submit">{t('apply.toReview')}</Button>
                </Group>
              </Stack>
            </Form>
          </Card>
        </>
      ) : null}

      {step === 'review' && draft ? (
        <Card withBorder component="section" aria-labelledby="review-title">
          <Stack>
            <Title order={2} id="review-title">{t('apply.reviewTitle')}</Title>
            <ReviewList data={draft.formData} ui={definition.form.uiSchema} />
            <Title order={3} size="h4">{t('apply.documents')}</Title>
            <ul>
              {draft.attachments.map((a) => (
                <li key={a.id}>{documents.find((d) => d.code === a.documentCode)?.name ?? a.documentCode}: {a.storedName}</li>
              ))}
            </ul>
            <Group>
              <Button variant="default" onClick={() => setStep('form')}>{t('apply.edit')}</Button>
              <Button onClick={() => void file()} loading={busy}>{t('apply.submit')}</Button>
            </Group>
          </Stack>
        </Card>
      ) : null}

      {step === 'receipt' && filed ? (
        <Card withBorder component="section" aria-labelledby="receipt-title">
          <Stack gap="xs">
            <Title order={2} id="receipt-title">{t('apply.receiptTitle')}</Title>
            <Text fw={700} size="lg">{t('apply.receiptCode', { code: filed.code })}</Text>
            {filed.dueDate ? <Text>{t('apply.receiptDue', { date: formatDate(filed.dueDate) })}</Text> : null}
            <Text size="sm">{t('apply.receiptNote')}</Text>
            <Anchor component={Link} href="/tra-cuu-ho-so">{t('apply.track')}</Anchor>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
