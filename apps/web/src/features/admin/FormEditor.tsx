import { Alert, Card, JsonInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import Form from '@rjsf/mantine';
import { Component, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { cspSafeValidator } from '../apply/csp-validator.ts';
import { toRjsfUiSchema } from '../apply/form-schema.ts';
import { parseJsonObject } from './service-edit.ts';

type Json = Record<string, unknown>;

/** Shows `fallback` instead of a preview that throws while rendering (a schema rjsf cannot draw). */
class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { broken: boolean }> {
  override state = { broken: false };
  static getDerivedStateFromError() {
    return { broken: true };
  }
  override render() {
    return this.state.broken ? this.props.fallback : this.props.children;
  }
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The service's form as two JSON documents (structure and display) beside a live preview drawn the
 * way the applicant will see it. Text that is not yet a JSON object is kept as typed and flagged; the
 * definition keeps the last object that parsed. The server's strict check (Ajv 2020, UI titles) runs
 * on save.
 */
export function FormEditor({ form, onChange, issues }: { form: { schema: Json; uiSchema: Json }; onChange: (form: { schema: Json; uiSchema: Json }) => void; issues: string[] }) {
  const { t } = useI18n();
  const [schemaText, setSchemaText] = useState(() => pretty(form.schema));
  const [uiText, setUiText] = useState(() => pretty(form.uiSchema));
  const [sample, setSample] = useState<Json>({});
  const schemaParsed = parseJsonObject(schemaText);
  const uiParsed = parseJsonObject(uiText);

  function edit(which: 'schema' | 'uiSchema', text: string) {
    (which === 'schema' ? setSchemaText : setUiText)(text);
    const parsed = parseJsonObject(text);
    if (parsed.ok) onChange({ ...form, [which]: parsed.value });
  }

  return (
    <Stack gap="xs">
      <Text size="sm">{t('admin.formLead')}</Text>
      {issues.length > 0 ? (
        <Alert color="red" title={t('admin.issues')}>
          <ul>{issues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <JsonInput
            label={t('admin.schema')}
            value={schemaText}
            onChange={(text) => edit('schema', text)}
            autosize
            minRows={8}
            maxRows={24}
            spellCheck={false}
            error={schemaParsed.ok ? undefined : t('admin.badJson', { detail: schemaParsed.detail })}
          />
          <JsonInput
            label={t('admin.uiSchema')}
            value={uiText}
            onChange={(text) => edit('uiSchema', text)}
            autosize
            minRows={6}
            maxRows={24}
            spellCheck={false}
            error={uiParsed.ok ? undefined : t('admin.badJson', { detail: uiParsed.detail })}
          />
        </Stack>
        <Card withBorder component="section" aria-labelledby="form-preview">
          <Title order={3} size="h4" id="form-preview" mb="xs">{t('admin.preview')}</Title>
          {/* A new boundary per version of the JSON: a fixed schema gets its preview back. */}
          <PreviewBoundary key={`${pretty(form.schema)}|${pretty(form.uiSchema)}`} fallback={<Text c="red.9">{t('admin.previewBroken')}</Text>}>
            <Form
              tagName="div"
              schema={form.schema}
              uiSchema={{ ...toRjsfUiSchema(form.schema, form.uiSchema), 'ui:submitButtonOptions': { norender: true } }}
              formData={sample}
              validator={cspSafeValidator}
              showErrorList={false}
              noHtml5Validate
              onChange={(event) => setSample((event.formData ?? {}) as Json)}
            />
          </PreviewBoundary>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
