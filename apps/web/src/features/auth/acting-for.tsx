import { PrincipalView } from '@congso/contracts';
import { NativeSelect } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { getJson } from '../../lib/api.ts';
import { platformSession, useSignedIn } from './platform-session.ts';

// Acting for someone else: a business acts through its legal representative or a person it mandates,
// and a citizen may mandate another (the identity module's mandates; the electronic-identification
// decree behind them, 69/2024, is unconfirmed in domain-vn.md §7.3). The person picks,
// once, whom they act for — themself, a business, a mandating citizen — and the portal files and
// lists dossiers in that name. The choice lives in this tab (sessionStorage), per account; the server
// checks the mandate on every request.

export type Principal = z.infer<typeof PrincipalView>;
const KEY = 'congso.actingFor';
const listeners = new Set<() => void>();

function stored(subject: string | undefined): string | null {
  if (!subject) return null;
  try {
    const value = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as { subject?: string; id?: string } | null;
    return value?.subject === subject && typeof value.id === 'string' ? value.id : null;
  } catch {
    return null;
  }
}

function choose(subject: string, id: string | null): void {
  if (id === null) window.sessionStorage.removeItem(KEY);
  else window.sessionStorage.setItem(KEY, JSON.stringify({ subject, id }));
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * Whom the signed-in person may act for (GET /api/v1/me/principals) and whom they act for now: the
 * chosen principal while it is still in the list, themself otherwise.
 */
export function useActingFor(): { principals: Principal[] | null; current: Principal | null; choose: (id: string) => void } {
  const subject = useSignedIn()?.claims.sub;
  const chosen = useSyncExternalStore(subscribe, () => stored(subject));
  const [principals, setPrincipals] = useState<Principal[] | null>(null);
  useEffect(() => {
    setPrincipals(null);
    if (!subject) return;
    const controller = new AbortController();
    getJson('/api/v1/me/principals', z.array(PrincipalView), controller.signal, platformSession().authorizedFetch)
      .then(setPrincipals)
      // Without the list the person acts for themself, as before mandates existed.
      .catch(() => setPrincipals([]));
    return () => controller.abort();
  }, [subject]);
  const self = principals?.find((p) => p.kind === 'self') ?? null;
  const current = principals?.find((p) => p.id === chosen && p.kind !== 'self') ?? self;
  return { principals, current, choose: (id) => subject && choose(subject, id === self?.id ? null : id) };
}

/** The principal as the list names it: "Tôi — name", "Doanh nghiệp — name (code)", "Ủy quyền — name". */
export function usePrincipalLabel(): (principal: Principal) => string {
  const { t } = useI18n();
  return (p) => (p.kind === 'self' ? t('acting.self', { name: p.name }) : p.kind === 'business' ? t('acting.business', { name: p.name, code: p.id }) : t('acting.citizen', { name: p.name }));
}

/**
 * "Đứng tên": the choice of whom to act for, among those whose scope covers `scope`; nothing when the
 * person acts only for themself.
 */
export function ActingForSelect({ scope, acting }: { scope: string; acting: ReturnType<typeof useActingFor> }) {
  const { t } = useI18n();
  const label = usePrincipalLabel();
  const options = (acting.principals ?? []).filter((p) => p.scope.includes(scope));
  if (options.length <= 1 || !acting.current) return null;
  return (
    <NativeSelect
      label={t('acting.label')}
      description={t('acting.help')}
      value={acting.current.id}
      data={options.map((p) => ({ value: p.id, label: label(p) }))}
      onChange={(event) => acting.choose(event.currentTarget.value)}
      maw={520}
    />
  );
}
