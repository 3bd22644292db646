import { AgencyView } from '@congso/contracts';
import { useEffect, useState } from 'react';
import { getJson } from '../../lib/api.ts';
import type { Locale } from '../../i18n/messages.ts';

// Agencies are shown by name in the user's language; their codes come from the dossier and service
// APIs. Names are read once per page load (the directory changes rarely).

const known = new Map<string, Promise<{ name: string; nameEn: string } | null>>();

function lookup(code: string) {
  let found = known.get(code);
  if (!found) {
    found = getJson(`/api/v1/agencies/${encodeURIComponent(code)}`, AgencyView).then((a) => ({ name: a.name, nameEn: a.nameEn })).catch(() => null);
    known.set(code, found);
  }
  return found;
}

/** The names of the given agencies (the code stands in until, or unless, its name is found). */
export function useAgencyNames(codes: readonly string[], locale: Locale): (code: string) => string {
  const [names, setNames] = useState<Record<string, { name: string; nameEn: string }>>({});
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    let active = true;
    for (const code of key ? key.split(',') : []) {
      void lookup(code).then((found) => {
        if (active && found) setNames((current) => ({ ...current, [code]: found }));
      });
    }
    return () => {
      active = false;
    };
  }, [key]);
  return (code) => (locale === 'en' ? names[code]?.nameEn : names[code]?.name) ?? code;
}
