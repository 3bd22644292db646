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
