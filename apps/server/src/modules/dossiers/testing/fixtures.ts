// A minimal service definition for tests (the five real demo services live in services/).
export const TEST_SERVICE_DEFINITION = {
  name: 'Đăng ký khai sinh',
  handlingUnitCode: null,
  timeLimit: { workingDays: 3, cutoff: '15:00' },
  clockRule: 'restart',
  form: {
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['childName', 'birthDate'],
      properties: { childName: { type: 'string', minLength: 2, maxLength: 100 }, birthDate: { type: 'string', format: 'date' } },
    },
  },
};

/** The same service asking for one mandatory document (PDF or PNG up to 1 MiB). */
export const TEST_SERVICE_WITH_DOCUMENTS = {
  ...TEST_SERVICE_DEFINITION,
  name: 'Cấp bản sao trích lục',
  documents: [{ code: 'to-khai-ky', name: 'Tờ khai đã ký', requirement: 'mandatory', copy: 'electronic', accepted: ['pdf', 'png'], maxBytes: 1_048_576 }],
};

/** A multipart/form-data body: the `submission` JSON field and files under document codes. */
export function multipartBody(submission: unknown, files: { field: string; name: string; bytes: Uint8Array }[]): { payload: Buffer; contentType: string } {
  const boundary = `----congso${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const text = (value: string) => chunks.push(Buffer.from(value, 'utf8'));
  // No submission field for uploads that carry files only (draft files, a result).
  if (submission !== null) text(`--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\nContent-Type: application/json\r\n\r\n${typeof submission === 'string' ? submission : JSON.stringify(submission)}\r\n`);
  for (const file of files) {
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    chunks.push(Buffer.from(file.bytes));
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small, real PDF. */
export const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
