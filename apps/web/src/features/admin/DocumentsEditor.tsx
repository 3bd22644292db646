import { ActionIcon, Button, Card, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { DocumentDraft, ServiceDraft } from './service-draft.ts';
import { errorAt, newDocument, removeAt, replaceAt, withRequirement, type SectionIssue } from './service-edit.ts';

/**
 * The documents the applicant submits (thành phần hồ sơ): each mandatory or needed only in a stated
 * case, and whether the original, a copy or an electronic copy is asked. File kinds and sizes keep
 * the draft's defaults (PDF, JPEG, PNG up to 10 MB).
 */
export function DocumentsEditor({ documents, onChange, issues }: { documents: DocumentDraft[]; onChange: (documents: DocumentDraft[]) => void; issues: SectionIssue[] }) {
  const { t } = useI18n();
  const set = (index: number, document: DocumentDraft) => onChange(replaceAt(documents, index, document));
  return (
    <Stack gap="xs">
      {documents.map((document, index) => {
        const n = index + 1;
        return (
          <Card key={document.code} withBorder padding="sm">
            <Group align="start" wrap="nowrap">
              <Stack gap="xs" style={{ flex: 1 }}>
                <TextInput label={t('admin.docName', { n })} value={document.name} onChange={(event) => set(index, { ...document, name: event.currentTarget.value })} error={errorAt(issues, index, 'name') ?? errorAt(issues, index)} />
                <Group grow align="start">
                  <NativeSelect
                    label={t('admin.docRequirement', { n })}
                    value={document.requirement}
                    data={[{ value: 'mandatory', label: t('admin.req.mandatory') }, { value: 'conditional', label: t('admin.req.conditional') }]}
                    onChange={(event) => set(index, withRequirement(document, event.currentTarget.value as DocumentDraft['requirement']))}
                  />
                  <NativeSelect
                    label={t('admin.docCopy', { n })}
                    value={document.copy}
                    data={[{ value: 'original', label: t('admin.copy.original') }, { value: 'copy', label: t('admin.copy.copy') }, { value: 'electronic', label: t('admin.copy.electronic') }]}
                    onChange={(event) => set(index, { ...document, copy: event.currentTarget.value as DocumentDraft['copy'] })}
                  />
                </Group>
                {document.requirement === 'conditional' ? (
                  <TextInput label={t('admin.docCondition', { n })} value={document.condition ?? ''} onChange={(event) => set(index, { ...document, condition: event.currentTarget.value })} error={errorAt(issues, index, 'condition')} />
                ) : null}
              </Stack>
              <ActionIcon variant="default" mt={28} aria-label={t('admin.remove', { what: t('admin.document', { n }) })} onClick={() => onChange(removeAt(documents, index))}>×</ActionIcon>
            </Group>
          </Card>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => onChange([...documents, newDocument(documents)])}>{t('admin.addDocument')}</Button>
      </Group>
    </Stack>
  );
}

/** The fees and charges (phí, lệ phí), 0 when free, in đồng. */
export function FeesEditor({ fees, onChange, issues }: { fees: ServiceDraft['fees']; onChange: (fees: ServiceDraft['fees']) => void; issues: SectionIssue[] }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      {fees.map((fee, index) => {
        const n = index + 1;
        return (
          <Group key={index} align="start" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={t('admin.feeName', { n })} value={fee.name} onChange={(event) => onChange(replaceAt(fees, index, { ...fee, name: event.currentTarget.value }))} error={errorAt(issues, index, 'name') ?? errorAt(issues, index)} />
            <NumberInput
              label={t('admin.feeAmount', { n })}
              value={fee.amountVnd}
              min={0}
              step={1000}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              onChange={(value) => onChange(replaceAt(fees, index, { ...fee, amountVnd: Math.max(0, Number(value) || 0) }))}
              error={errorAt(issues, index, 'amountVnd')}
              w={210}
            />
            <ActionIcon variant="default" mt={28} aria-label={t('admin.remove', { what: t('admin.fee', { n }) })} onClick={() => onChange(removeAt(fees, index))}>×</ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => onChange([...fees, { name: 'Lệ phí', amountVnd: 0 }])}>{t('admin.addFee')}</Button>
      </Group>
    </Stack>
  );
}
