import type { DataCategory } from '@mutual-graph/policy';
import { Directive } from 'type-graphql';

/**
 * Marks a field with the category of personal information it carries, or an argument or input
 * field with the category it selects by (`@dataCategory`).
 */
export function Category(category: DataCategory): MethodDecorator & PropertyDecorator & ParameterDecorator {
  return Directive(`@dataCategory(category: ${category})`);
}

/**
 * Marks a field, or every field of a type, as carrying no personal information; an argument, an
 * input field or every field of an input type as selecting by none (a key, a page, a value to write).
 */
export function NonPersonal(): MethodDecorator & PropertyDecorator & ClassDecorator & ParameterDecorator {
  return Directive('@nonPersonal');
}
