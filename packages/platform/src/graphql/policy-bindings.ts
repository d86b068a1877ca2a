import type { Purpose } from '@mutual-graph/policy';
import { Directive } from 'type-graphql';

// The policy's bindings, declared on the fields they govern (packages/policy/src/directives.ts says
// what each means); composition carries them into the supergraph, where the gateway reads them,
// and this subgraph's shield reads them from its own schema.

type FieldDecorator = MethodDecorator & PropertyDecorator;
type KeyDecorator = MethodDecorator & PropertyDecorator & ParameterDecorator;

/** A field only these purposes may use, whatever its categories (`@onlyForPurposes`). */
export function OnlyForPurposes(...purposes: [Purpose, ...Purpose[]]): FieldDecorator {
  return Directive(`@onlyForPurposes(purposes: [${purposes.join(', ')}])`);
}

/** A field only principals holding one of these roles may use (`@requiresRole`). */
export function RequiresRole(...roles: [string, ...string[]]): FieldDecorator {
  return Directive(`@requiresRole(roles: [${roles.map((r) => JSON.stringify(r)).join(', ')}])`);
}

/** A field only the record's own member may read, whatever the purpose (`@subjectOnly`). */
export function SubjectOnly(): FieldDecorator {
  return Directive('@subjectOnly');
}

/** A root field that acts on the caller's own member by construction, or on no one (`@actsOnCaller`). */
export function ActsOnCaller(): FieldDecorator {
  return Directive('@actsOnCaller');
}

/** A root field that acts on the member its `@MemberKey` arguments name, and on no other (`@actsOnNamedMember`). */
export function ActsOnNamedMember(): FieldDecorator {
  return Directive('@actsOnNamedMember');
}

/** An argument or input field whose value names a member; on an object's field, the member the object is about (`@memberKey`). */
export function MemberKey(): KeyDecorator {
  return Directive('@memberKey');
}

/** A mutation only the gateway calls, as the effect of a request (`@gatewayEffect`). */
export function GatewayEffect(): FieldDecorator {
  return Directive('@gatewayEffect');
}
