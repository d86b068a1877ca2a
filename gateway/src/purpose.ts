import { isPurpose, policyRefusal, type Principal, type Purpose } from '@mutual-graph/schema';

/**
 * The one purpose of use the request declares in X-Purpose-Of-Use; it must be one the token
 * allows. Anything else is FORBIDDEN with rule PURPOSE_REQUIRED.
 */
export function declaredPurpose(header: string | string[] | undefined, principal: Principal): Purpose {
  if (header === undefined || header === '') throw policyRefusal('PURPOSE_REQUIRED', 'declare one purpose of use in the X-Purpose-Of-Use header', { wholeRequest: true });
  const value = Array.isArray(header) ? header : header.split(',').map((v) => v.trim());
  if (value.length !== 1) throw policyRefusal('PURPOSE_REQUIRED', 'declare exactly one purpose of use', { wholeRequest: true });
  const purpose = value[0];
  if (!isPurpose(purpose)) throw policyRefusal('PURPOSE_REQUIRED', `${purpose} is not a purpose of use`, { wholeRequest: true });
  if (!principal.purposes.includes(purpose)) throw policyRefusal('PURPOSE_REQUIRED', `this token may not declare the purpose ${purpose}`, { purpose, wholeRequest: true });
  return purpose;
}
