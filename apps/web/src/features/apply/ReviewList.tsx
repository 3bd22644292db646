import { Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf, titleAt } from './form-schema.ts';

/** The form data as the person filled it, under the form's own titles, with option labels. */
export function ReviewList({ data, ui, path = [] }: { data: Record<string, unknown>; ui: unknown; path?: string[] }) {
  const { t, formatDate } = useI18n();
  return (
    <Stack gap={4} component="dl" m={0}>
      {Object.entries(data).map(([key, value]) => {
        const at = [...path, key];
        const title = titleAt(ui, at);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          return (
            <div key={key}>
              <Text component="dt" fw={700} mt="xs">{title}</Text>
              <Text component="dd" ml="md"><ReviewList data={value as Record<string, unknown>} ui={ui} path={at} /></Text>
            </div>
          );
        }
        const shown = typeof value === 'boolean' ? t(value ? 'apply.yes' : 'apply.no') : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : Array.isArray(value) ? value.map(String).join(', ') : labelOf(ui, at, value);
        return (
          <div key={key}>
            <Text component="dt" size="sm" fw={600}>{title}</Text>
            <Text component="dd" size="sm" ml={0}>{shown}</Text>
          </div>
        );
      })}
    </Stack>
  );
}
