import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

/** A description counts when it says something in Chinese (at least one CJK ideograph). */
const CHINESE = /\p{Script=Han}/u;

/**
 * Every schema element without a description, as `Type`, `Type.field`,
 * `Type.field(arg)` or `Enum.VALUE` (the house rule: all of them are described,
 * in Chinese with the English identifier's meaning; an English-only text does not count).
 */
export function undocumentedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const described = (text: string | null | undefined) => CHINESE.test(text ?? '');
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) {
      continue;
    }
    if (!described(type.description)) {
      missing.push(type.name);
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) {
          missing.push(`${type.name}.${field.name}`);
        }
        for (const arg of field.args) {
          if (!described(arg.description)) {
            missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) {
          missing.push(`${type.name}.${field.name}`);
        }
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) {
          missing.push(`${type.name}.${value.name}`);
        }
      }
    }
  }
  return missing.sort();
}
