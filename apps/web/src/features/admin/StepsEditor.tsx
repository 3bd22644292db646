import { ActionIcon, Button, Group, NativeSelect, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { hoursOf, HOURS_PER_DAY, plannedHours, type ServiceDraft, type StepDraft } from './service-draft.ts';
import { errorAt, insertHandlingStep, moveUp, newStep, removeAt, replaceAt, withHours, type SectionIssue } from './service-edit.ts';

const ROLES: { value: StepDraft['role']; key: MessageKey }[] = [
  { value: 'receptionist', key: 'admin.role.receptionist' },
  { value: 'handler', key: 'admin.role.handler' },
  { value: 'leader', key: 'admin.role.leader' },
];

/**
 * The process's steps in order, each with who performs it, in which unit and in how many working
 * hours, and what they add up to against the time limit (the server refuses a plan that outlasts it).
 */
export function StepsEditor({ draft, onChange, issues }: { draft: ServiceDraft; onChange: (steps: StepDraft[]) => void; issues: SectionIssue[] }) {
  const { t, formatNumber } = useI18n();
  const steps = draft.process.steps;
  const planned = plannedHours(steps);
  const limit = draft.timeLimit.workingDays * HOURS_PER_DAY;
  const set = (index: number, step: StepDraft) => onChange(replaceAt(steps, index, step));
  return (
    <>
      <Text size="sm">{t('admin.stepsLead')}</Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('admin.col.step')}</Table.Th>
              <Table.Th>{t('admin.col.role')}</Table.Th>
              <Table.Th>{t('admin.col.unit')}</Table.Th>
              <Table.Th>{t('admin.col.hours')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((step, index) => {
              const n = index + 1;
              return (
                <Table.Tr key={step.key}>
                  <Table.Td>{n}</Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('admin.stepName', { n })} value={step.name} onChange={(event) => set(index, { ...step, name: event.currentTarget.value })} error={errorAt(issues, index, 'name') ?? errorAt(issues, index)} />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('admin.stepRole', { n })}
                      value={step.role}
                      data={ROLES.map((role) => ({ value: role.value, label: t(role.key) }))}
                      onChange={(event) => set(index, { ...step, role: event.currentTarget.value as StepDraft['role'] })}
                      error={errorAt(issues, index, 'role')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('admin.stepUnit', { n })} value={step.unitCode} onChange={(event) => set(index, { ...step, unitCode: event.currentTarget.value.trim() })} error={errorAt(issues, index, 'unitCode')} w={150} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('admin.stepHours', { n })}
                      value={hoursOf(step)}
                      min={1}
                      step={1}
                      allowDecimal={false}
                      onChange={(value) => set(index, withHours(step, Number(value) || 1))}
                      error={errorAt(issues, index, 'workingHours', 'workingDays')}
                      w={110}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="default" aria-label={t('admin.moveUp', { what: t('admin.step', { n }) })} disabled={index === 0} onClick={() => onChange(moveUp(steps, index))}>↑</ActionIcon>
                      <ActionIcon variant="default" aria-label={t('admin.remove', { what: t('admin.step', { n }) })} disabled={steps.length <= 3} onClick={() => onChange(removeAt(steps, index))}>×</ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Button variant="default" onClick={() => onChange(insertHandlingStep(steps, newStep(draft)))}>{t('admin.addStep')}</Button>
        <Text aria-live="polite" fw={600} c={planned > limit ? 'red.9' : undefined}>
          {t('admin.planned', { planned: formatNumber(planned), limit: formatNumber(limit) })}
          {planned > limit ? ` ${t('admin.overPlanned', { over: formatNumber(planned - limit) })}` : ''}
        </Text>
      </Group>
    </>
  );
}
