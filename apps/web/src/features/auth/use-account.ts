import { AccountView } from '@congso/contracts';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { getJson } from '../../lib/api.ts';
import { platformSession, useSignedIn } from './platform-session.ts';

export type Account = z.infer<typeof AccountView>;

/**
 * The signed-in person's account (GET /api/v1/me), read once per sign-in: null while signed out or
 * loading; `failed` holds the error when it could not be read.
 */
export function useAccount(): { account: Account | null; failed: unknown } {
  const signedIn = useSignedIn();
  const subject = signedIn?.claims.sub;
  const [state, setState] = useState<{ account: Account | null; failed: unknown }>({ account: null, failed: null });
  useEffect(() => {
    setState({ account: null, failed: null });
    if (!subject) return;
    const controller = new AbortController();
    getJson('/api/v1/me', AccountView, controller.signal, platformSession().authorizedFetch)
      .then((account) => setState({ account, failed: null }))
      .catch((failed: unknown) => {
        if (!controller.signal.aborted) setState({ account: null, failed });
      });
    return () => controller.abort();
  }, [subject]);
  return state;
}
