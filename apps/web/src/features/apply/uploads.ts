// Attachments checked in the browser before they are sent (the server checks them again, from their
// content), and sent with progress (XMLHttpRequest reports upload progress; fetch does not).

export type MediaKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'heic' | 'docx' | 'xlsx' | 'odt' | 'xml';

const KINDS: Record<MediaKind, { extensions: string[]; types: string[]; label: string }> = {
  pdf: { extensions: ['.pdf'], types: ['application/pdf'], label: 'PDF' },
  jpeg: { extensions: ['.jpg', '.jpeg'], types: ['image/jpeg'], label: 'JPEG' },
  png: { extensions: ['.png'], types: ['image/png'], label: 'PNG' },
  tiff: { extensions: ['.tif', '.tiff'], types: ['image/tiff'], label: 'TIFF' },
  heic: { extensions: ['.heic', '.heif'], types: ['image/heic', 'image/heif'], label: 'HEIC' },
  docx: { extensions: ['.docx'], types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], label: 'DOCX' },
  xlsx: { extensions: ['.xlsx'], types: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], label: 'XLSX' },
  odt: { extensions: ['.odt'], types: ['application/vnd.oasis.opendocument.text'], label: 'ODT' },
  xml: { extensions: ['.xml'], types: ['application/xml', 'text/xml'], label: 'XML' },
};

const known = (kinds: readonly string[]) => kinds.filter((k): k is MediaKind => k in KINDS).map((k) => KINDS[k]);

/** The `accept` attribute of a file input for these kinds. */
export const acceptOf = (kinds: readonly string[]) => known(kinds).flatMap((k) => [...k.extensions, ...k.types]).join(',');
export const kindsLabel = (kinds: readonly string[]) => known(kinds).map((k) => k.label).join(', ');

/** Why a file cannot be sent, before sending it: too large, or not an accepted kind. */
export function precheck(file: { name: string; size: number; type: string }, rules: { maxBytes: number; accepted: readonly string[] }): 'too_large' | 'wrong_type' | null {
  if (file.size > rules.maxBytes) return 'too_large';
  const name = file.name.toLowerCase();
  const fits = known(rules.accepted).some((k) => k.extensions.some((ext) => name.endsWith(ext)) || (file.type !== '' && k.types.includes(file.type)));
  return fits ? null : 'wrong_type';
}

/** Sends one file as multipart (field = document code) with the bearer token; reports progress 0–1. */
export function uploadWithProgress(url: string, token: string, field: string, file: File, onProgress: (fraction: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error('network error'));
    const form = new FormData();
    form.append(field, file, file.name);
    request.send(form);
  });
}
