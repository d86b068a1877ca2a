import type { DataCategory } from '@mutual-graph/schema';
import { Directive } from 'type-graphql';

/** Marks a field with the category of personal information it carries (`@dataCategory`). */
export function Category(category: DataCategory): MethodDecorator & PropertyDecorator {
  return Directive(`@dataCategory(category: ${category})`) as MethodDecorator & PropertyDecorator;
}

/** Marks a field, or every field of a type, as carrying no personal information (`@nonPersonal`). */
export function NonPersonal(): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive('@nonPersonal') as MethodDecorator & PropertyDecorator & ClassDecorator;
}
