import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/**
 * A response serializer for hot routes: the route's Zod schema is turned into JSON Schema once and
 * compiled by fast-json-stringify (what Fastify uses natively), instead of encoding each reply
 * through Zod and then JSON.stringify. The route keeps its Zod schema for OpenAPI; what the
 * compiled serializer does not check at run time is guaranteed by the service's types.
 */
export function fastSerializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new Error('fastSerializerCompiler expects a Zod schema');
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
}
