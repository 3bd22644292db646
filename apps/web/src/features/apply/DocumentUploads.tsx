import { DraftView, StoreItemView } from '@congso/contracts';
import { Alert, Button, Group, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ChangeEvent } from 'react';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson, problemOf, sendJson } from '../../lib/api.ts';
import { platformSession } from '../auth/platform-session.ts';
import { acceptOf, kindsLabel, precheck, uploadWithProgress } from './uploads.ts';

type Draft = z.infer<typeof DraftView>;
type StoreItem = z.infer<typeof StoreItemView>;

/** Media types a document's accepted kinds stand for (the stored results are PDFs, mostly). */
const MEDIA_OF: Record<string, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', xml: 'application/xml', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
export type DocumentRule = { code: string; name: string; requirement: 'mandatory' | 'conditional'; condition?: string | undefined; accepted: string[]; maxBytes: number };

const megabytes = (bytes: number, format: (n: number) => string) => `${format(Math.round((bytes / 1_048_576) * 10) / 10)} MB`;

/** One row per document the procedure asks for: its rules, a file input, progress, what was uploaded. */
export function DocumentUploads({ documents, draft, ensureDraft, onChange }: { documents: readonly DocumentRule[]; draft: Draft | null; ensureDraft: () => Promise<Draft>; onChange: (draft: Draft) => void }) {
  const { t, locale, formatNumber } = useI18n();
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The e-data store (kho dữ liệu điện tử): results of earlier dossiers, attached by reference.
  const [store, setStore] = useState<StoreItem[]>([]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  useEffect(() => {
    const controller = new AbortController();
    getJson('/api/v1/me/data-store', z.array(StoreItemView), controller.signal, platformSession().authorizedFetch)
      .then(setStore)
      .catch(() => setStore([]));
    return () => controller.abort();
  }, []);
  if (documents.length === 0) return null;

  async function attachFromStore(document: DocumentRule, itemId: string) {
    setErrors((e) => ({ ...e, [document.code]: '' }));
    try {
      const current = await ensureDraft();
      onChange(await sendJson('POST', `/api/v1/drafts/${current.id}/attachments/from-store`, { documentCode: document.code, itemId }, DraftView, platformSession().authorizedFetch));
    } catch (caught) {
      setErrors((e) => ({ ...e, [document.code]: caught instanceof ApiError ? caught.messages[locale] : t('common.error') }));
    }
  }

  async function choose(document: DocumentRule, event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const problem = precheck(file, document);
    if (problem) {
      setErrors((e) => ({ ...e, [document.code]: problem === 'too_large' ? t('apply.tooLarge', { name: file.name, size: megabytes(document.maxBytes, formatNumber) }) : t('apply.wrongType', { name: file.name, kinds: kindsLabel(document.accepted) }) }));
      return;
    }
    setErrors((e) => ({ ...e, [document.code]: '' }));
    setProgress((p) => ({ ...p, [document.code]: 0 }));
    try {
      const current = await ensureDraft();
      // A fresh token first (an authorised request refreshes it when it has expired).
      await platformSession().authorizedFetch('/api/v1/auth/whoami', {});
      const token = platformSession().current()?.accessToken ?? '';
      const sent = await uploadWithProgress(`/api/v1/drafts/${current.id}/attachments`, token, document.code, file, (fraction) => setProgress((p) => ({ ...p, [document.code]: fraction })));
      if (sent.status !== 200) throw problemOf(sent.status, sent.body);
      onChange(DraftView.parse(sent.body));
    } catch (caught) {
      const reason = caught instanceof Error && 'messages' in caught ? (caught as unknown as { messages: Record<string, string> }).messages[locale] ?? caught.message : t('common.error');
      setErrors((e) => ({ ...e, [document.code]: t('apply.uploadFailed', { name: file.name, reason }) }));
    } finally {
      setProgress((p) => {
        const { [document.code]: _done, ...rest } = p;
        return rest;
      });
    }
  }

  async function remove(attachmentId: string) {
    if (!draft) return;
    onChange(await sendJson('DELETE', `/api/v1/drafts/${draft.id}/attachments/${attachmentId}`, undefined, DraftView, platformSession().authorizedFetch));
  }

  return (
    <Stack component="section" aria-labelledby="documents-title" gap="sm">
      <Title order={2} size="h4" id="documents-title">{t('apply.documents')}</Title>
      {documents.map((document) => {
        const uploaded = (draft?.attachments ?? []).filter((a) => a.documentCode === document.code);
        const inputId = `file-${document.code}`;
        return (
          <Stack key={document.code} gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}>
            <Text fw={600}>{document.name}</Text>
            <Text size="sm">{document.requirement === 'mandatory' ? t('apply.mandatory') : t('apply.conditional', { condition: document.condition ?? '' })} · {t('apply.accepted', { kinds: kindsLabel(document.accepted), size: megabytes(document.maxBytes, formatNumber) })}</Text>
            <label htmlFor={inputId}>
              <Text size="sm" span>{t('apply.chooseFile', { name: document.name })}</Text>
            </label>
            <input id={inputId} type="file" accept={acceptOf(document.accepted)} onChange={(event) => void choose(document, event)} />
            {progress[document.code] !== undefined ? <Progress value={(progress[document.code] ?? 0) * 100} aria-label={t('apply.uploading', { name: document.name })} /> : null}
            {errors[document.code] ? <Alert color="red" role="alert" p="xs">{errors[document.code]}</Alert> : null}
            {(() => {
              const usable = store.filter((item) => (!draft || item.ownerId === draft.ownerId) && document.accepted.some((kind) => MEDIA_OF[kind] === item.mediaType));
              if (usable.length === 0) return null;
              const selectId = `store-${document.code}`;
              const chosen = picked[document.code] ?? usable[0]?.id ?? '';
              return (
                <Group align="end" gap="xs">
                  <NativeSelect
                    id={selectId}
                    label={t('apply.fromStore')}
                    size="sm"
                    value={chosen}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setPicked((p) => ({ ...p, [document.code]: value }));
                    }}
                    data={usable.map((item) => ({ value: item.id, label: t('apply.storeItem', { name: item.procedureName, code: item.dossierCode }) }))}
                  />
                  <Button size="sm" variant="light" onClick={() => void attachFromStore(document, chosen)} aria-label={t('apply.attachFromStore', { name: document.name })}>
                    {t('apply.attach')}
                  </Button>
                </Group>
              );
            })()}
            {uploaded.map((a) => (
              <Group key={a.id} gap="xs">
                <Text size="sm">{a.storeItemId ? t('apply.attachedFromStore') : t('apply.uploaded')}: {a.storedName}</Text>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(a.id)} aria-label={t('apply.remove', { name: a.storedName })}>×</Button>
              </Group>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
