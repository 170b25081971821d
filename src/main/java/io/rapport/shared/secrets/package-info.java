/**
 * Stored secrets encrypted at rest ({@link io.rapport.shared.secrets.SecretBox}) and signed tokens
 * ({@link io.rapport.shared.secrets.Signatures}), both keyed from the installation's one secret.
 */
package io.rapport.shared.secrets;
