import {
  GraphQLError,
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { PLAIN_LIST_FIELDS, isPlainRead, registerPropertyField } from './plain-read.js';

/**
 * Field resolution without per-field machinery where it does nothing.
 *
 * type-graphql wraps every field, a plain property (`Case.number`) included, in its middleware
 * chain as soon as there is one global middleware (the text validation of arguments): an async
 * dispatch and two promises per field, for a check that has no arguments to look at. A field
 * that type-graphql resolves by reading the property (no @FieldResolver), with no @Authorized
 * roles and no middleware of its own, cannot have arguments; it is resolved here by reading
 * the property directly, which is what type-graphql's chain ends in. Every other field keeps
 * type-graphql's resolver, text validation and authorization included.
 *
 * The execution deadline (EXECUTION_TIMEOUT, execution-deadline.ts) is checked here before
 * each field that can take time, instead of in Apollo's `willResolveField`, whose schema
 * instrumentation (and the cache-control plugin's per-field policy, the other `willResolveField`
 * user) costs a closure and a policy object per field of every answer. A scalar or enum read
 * from a property (no resolver of ours) cannot take time: it is not checked (a clock read per
 * leaf was a share of a dashboard page's 10 000 fields); the object or list field above it was.
 */

interface ExecutionDeadline {
  at: number;
  ms: number;
  reported: boolean;
}

const deadlines = new WeakMap<object, ExecutionDeadline>();

/** Starts the deadline of one request's execution (its context). */
export function startExecutionDeadline(context: object, ms: number, nowMs = Date.now()): void {
  deadlines.set(context, { at: nowMs + ms, ms, reported: false });
}

function checkDeadline(context: unknown): void {
  if (context === null || typeof context !== 'object') {
    return;
  }
  const deadline = deadlines.get(context);
  if (deadline && Date.now() > deadline.at) {
    const error = new GraphQLError(
      deadline.reported ? '请求执行超时' : `请求执行超过 ${deadline.ms} 毫秒，已中止`,
      { extensions: { code: 'EXECUTION_TIMEOUT', retryable: false, timeoutMs: deadline.ms } },
    );
    deadline.reported = true;
    throw error;
  }
}

/** `Type.field` → the class property type-graphql would read, for the fields read directly. */
export function directPropertyFields(): Map<string, string> {
  const storage = getMetadataStorage();
  const direct = new Map<string, string>();
  for (const objectType of storage.objectTypes) {
    // Fields inherited from a decorated superclass (BaseEntity's createdAt, updatedAt) first,
    // so the class's own declaration of a field wins.
    const fields = [];
    for (
      let parent = Object.getPrototypeOf(objectType.target) as unknown;
      typeof parent === 'function' && parent !== Function.prototype;
      parent = Object.getPrototypeOf(parent)
    ) {
      const inherited = storage.objectTypes.find((t) => t.target === parent);
      fields.unshift(...(inherited?.fields ?? []));
    }
    fields.push(...(objectType.fields ?? []));
    for (const implemented of storage.interfaceTypes) {
      if (objectType.interfaceClasses?.includes(implemented.target)) {
        fields.push(...(implemented.fields ?? []));
      }
    }
    for (const field of fields) {
      const hasResolver = storage.fieldResolvers.some(
        (resolver) =>
          resolver.methodName === field.name &&
          [field.target, objectType.target].includes(resolver.getObjectType?.() as never),
      );
      if (
        hasResolver ||
        field.simple === true ||
        (field.roles !== undefined && field.roles !== null) ||
        (field.middlewares?.length ?? 0) > 0 ||
        (field.params?.length ?? 0) > 0
      ) {
        direct.delete(`${objectType.name}.${field.schemaName}`);
        continue;
      }
      direct.set(`${objectType.name}.${field.schemaName}`, field.name);
    }
  }
  return direct;
}

/** Rewrites the resolvers of a built schema as described above (once per schema). */
export function streamlineFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  const direct = directPropertyFields();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const property =
        field.args.length === 0 ? direct.get(`${type.name}.${field.name}`) : undefined;
      if (isLeafType(getNamedType(field.type))) {
        if (property !== undefined) {
          field.resolve = (root) => (root as Record<string, unknown>)[property];
          registerPropertyField(field, property);
          continue;
        }
        if (field.resolve === undefined) {
          // graphql's default resolver reads the property (a simpleResolvers type).
          continue;
        }
      }
      const inner: GraphQLFieldResolver<unknown, unknown> =
        property !== undefined
          ? (root) => (root as Record<string, unknown>)[property]
          : (field.resolve ?? defaultFieldResolver);
      if (PLAIN_LIST_FIELDS[type.name]?.includes(field.name)) {
        // A plain read (plain-read.ts) carries the list itself: no loader, no entity.
        const name = field.name;
        field.resolve = (root, args, context, info) => {
          checkDeadline(context);
          return isPlainRead(root)
            ? (root as Record<string, unknown>)[name]
            : inner(root, args, context, info);
        };
        continue;
      }
      field.resolve = (root, args, context, info) => {
        checkDeadline(context);
        return inner(root, args, context, info);
      };
    }
  }
  return schema;
}
