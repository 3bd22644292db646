import { problemOf, type Fetcher } from './api.ts';

/**
 * Downloads a file that needs the bearer token (a plain link would not carry it): fetched, then
 * saved under its name. Throws the server's problem when refused.
 */
export async function downloadWithToken(fetcher: Fetcher, url: string, name: string): Promise<void> {
  const response = await fetcher(url, {});
  if (!response.ok) throw problemOf(response.status, await response.json().catch(() => null));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
