import { AgencyView, ProcedureDetailView } from '@congso/contracts';
import { Alert, Anchor, Button, Checkbox, Group, Loader, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiError, getJson, sendJson } from '../../lib/api.ts';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';
import { useAccount } from '../auth/use-account.ts';
import { DocumentsEditor, FeesEditor } from './DocumentsEditor.tsx';
import { FormEditor } from './FormEditor.tsx';
import { draftFromCatalogue, type ServiceDraft } from './service-draft.ts';
import { issuesBySection, type Section, type SectionIssue } from './service-edit.ts';
import { adminAgencyOf, adminGate, AgencyServices } from './ServicesAdminPage.tsx';
import { StepsEditor } from './StepsEditor.tsx';

// The agency administrator's editor of one online service: the service as it runs (or, for a
// procedure not yet offered, drafted from its catalogue record), edited section by section, saved
// whole with PUT. The server checks the whole definition; what it refuses is shown in the section,
// next to the field it concerns.

type T = ReturnType<typeof useI18n>['t'];
const Saved = z.object({ id: z.string(), version: z.number(), changed: z.boolean() });
const SECTION_KEYS: Record<Section, MessageKey> = { general: 'admin.general', steps: 'admin.steps', documents: 'admin.documents', fees: 'admin.fees', form: 'admin.form' };
const GENERAL_FIELDS: Record<string, MessageKey> = {
  name: 'admin.name', onlineLevel: 'admin.onlineLevel', handlingUnitCode: 'admin.handlingUnit', competentAgencyCode: 'admin.competentAgency',
  'timeLimit.workingDays': 'admin.workingDays', clockRule: 'admin.clockRule', 'result.name': 'admin.resultName', 'form.schema': 'admin.schema', 'form.uiSchema': 'admin.uiSchema',
};

/** Where an issue is, in the reader's language ("Bước 3", "Giấy tờ 2", "Mã đơn vị giải quyết"). */
function whereOf(t: T, issue: SectionIssue): string {
  const n = (issue.index ?? 0) + 1;
  if (issue.section === 'steps' && issue.index !== null) return t('admin.step', { n });
  if (issue.section === 'documents' && issue.index !== null) return t('admin.document', { n });
  if (issue.section === 'fees' && issue.index !== null) return t('admin.fee', { n });
  const field = issue.section === 'form' ? `form.${issue.field ?? ''}` : issue.field ?? '';
  const key = GENERAL_FIELDS[field];
  return key ? t(key) : t(SECTION_KEYS[issue.section]);
}

function EditorSection({ section, issues, children }: { section: Section; issues: SectionIssue[]; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" component="section" aria-labelledby={`section-${section}`}>
      <Title order={2} size="h3" id={`section-${section}`}>{t(SECTION_KEYS[section])}</Title>
      {issues.length > 0 && section !== 'form' ? (
        <Alert color="red" title={t('admin.issues')}>
          <ul>{issues.map((issue, i) => <li key={i}>{whereOf(t, issue)}: {issue.message}</li>)}</ul>
        </Alert>
      ) : null}
      {children}
    </Stack>
  );
}

export default function ServiceEditorPage({ procedureCode }: { procedureCode: string }) {
  const { t, locale } = useI18n();
  const signedIn = useSignedIn();
  const { account, failed } = useAccount();
  const agencyCode = adminAgencyOf(account);
  const [draft, setDraft] = useState<ServiceDraft | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [issues, setIssues] = useState<Record<Section, SectionIssue[]>>(issuesBySection([]));
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  useEffect(() => {
    if (!agencyCode) return;
    const controller = new AbortController();
    const load = async () => {
      const services = await getJson(`/api/v1/agencies/${encodeURIComponent(agencyCode)}/services`, AgencyServices, controller.signal);
      const running = services.find((s) => s.definition.procedureCode === procedureCode);
      if (running) {
        setVersion(running.version);
        return running.definition as unknown as ServiceDraft;
      }
      const [detail, agency] = await Promise.all([
        getJson(`/api/v1/procedures/${encodeURIComponent(procedureCode)}`, ProcedureDetailView, controller.signal),
        getJson(`/api/v1/agencies/${encodeURIComponent(agencyCode)}`, AgencyView, controller.signal),
      ]);
      return draftFromCatalogue(detail, agency);
    };
    load()
      .then(setDraft)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setNotice({ color: 'red', text: messageOf(caught) });
      });
    return () => controller.abort();
  }, [agencyCode, procedureCode]);

  async function save() {
    if (!draft || !agencyCode) return;
    setBusy(true);
    try {
      const url = `/api/v1/agencies/${encodeURIComponent(agencyCode)}/services/${encodeURIComponent(procedureCode)}`;
      const saved = await sendJson('PUT', url, draft, Saved, platformSession().authorizedFetch);
      setVersion(saved.version);
      setIssues(issuesBySection([]));
      setNotice({ color: 'green', text: t(saved.changed ? 'admin.saved' : 'admin.unchanged', { version: saved.version }) });
    } catch (caught) {
      setIssues(issuesBySection(caught instanceof ApiError ? caught.errors : []));
      setNotice({ color: 'red', text: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  }

  const gate = adminGate({ t, title: t('admin.editorTitle'), signedIn: signedIn !== null, failed: failed ? messageOf(failed) : null, agencyCode });
  if (gate) return gate;
  const status = notice ? <Alert color={notice.color === 'red' ? 'red' : 'teal'} role={notice.color === 'red' ? 'alert' : 'status'}>{notice.text}</Alert> : null;
  if (!draft) return status ?? <Loader aria-label={t('common.loading')} />;
  const update = (patch: Partial<ServiceDraft>) => setDraft({ ...draft, ...patch });
  return (
    <Stack gap="lg">
      <Anchor component={Link} href="/quan-tri/dich-vu" c="blue.9">← {t('admin.back')}</Anchor>
      <Title order={1}>{t('admin.editorTitle')}: {draft.name}</Title>
      <Text>{version === null ? t('admin.fromCatalogue') : t('admin.currentVersion', { version })}</Text>
      <EditorSection section="general" issues={issues.general}>
        <TextInput label={t('admin.name')} value={draft.name} onChange={(event) => update({ name: event.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="online-level">{t('admin.onlineLevel')}</Text>
            <SegmentedControl aria-labelledby="online-level" value={draft.onlineLevel} onChange={(value) => update({ onlineLevel: value })} data={[{ value: 'full', label: t('admin.level.full') }, { value: 'partial', label: t('admin.level.partial') }]} />
          </Stack>
          <NumberInput label={t('admin.workingDays')} value={draft.timeLimit.workingDays} min={1} allowDecimal={false} onChange={(value) => update({ timeLimit: { ...draft.timeLimit, workingDays: Math.max(1, Number(value) || 1) } })} />
          <TextInput label={t('admin.handlingUnit')} value={draft.handlingUnitCode} onChange={(event) => update({ handlingUnitCode: event.currentTarget.value.trim() })} />
          <TextInput label={t('admin.competentAgency')} value={draft.competentAgencyCode} onChange={(event) => update({ competentAgencyCode: event.currentTarget.value.trim() })} />
          <TextInput label={t('admin.resultName')} value={draft.result.name} onChange={(event) => update({ result: { ...draft.result, name: event.currentTarget.value } })} />
          <Checkbox mt="lg" label={t('admin.resultElectronic')} checked={draft.result.electronic} onChange={(event) => update({ result: { ...draft.result, electronic: event.currentTarget.checked } })} />
        </SimpleGrid>
        <Checkbox label={t('admin.cutoff')} checked={draft.timeLimit.cutoff === '15:00'} onChange={(event) => update({ timeLimit: { ...draft.timeLimit, cutoff: event.currentTarget.checked ? '15:00' : null } })} />
        <Radio.Group label={t('admin.clockRule')} value={draft.clockRule} onChange={(value) => update({ clockRule: value })}>
          <Stack gap={6} mt={6}>
            <Radio value="restart" label={t('admin.clock.restart')} />
            <Radio value="pause" label={t('admin.clock.pause')} />
          </Stack>
        </Radio.Group>
      </EditorSection>
      <EditorSection section="steps" issues={issues.steps}>
        <StepsEditor draft={draft} issues={issues.steps} onChange={(steps) => update({ process: { ...draft.process, steps } })} />
      </EditorSection>
      <EditorSection section="documents" issues={issues.documents}>
        <DocumentsEditor documents={draft.documents} issues={issues.documents} onChange={(documents) => update({ documents })} />
      </EditorSection>
      <EditorSection section="fees" issues={issues.fees}>
        <FeesEditor fees={draft.fees} issues={issues.fees} onChange={(fees) => update({ fees })} />
      </EditorSection>
      <EditorSection section="form" issues={issues.form}>
        <FormEditor form={draft.form} issues={issues.form.map((issue) => `${whereOf(t, issue)}: ${issue.message}`)} onChange={(form) => update({ form })} />
      </EditorSection>
      {status}
      <Group>
        <Button onClick={() => void save()} loading={busy}>{t('admin.save')}</Button>
      </Group>
    </Stack>
  );
}
