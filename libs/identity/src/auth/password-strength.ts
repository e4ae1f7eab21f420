import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** zxcvbn's score (0–4) a new password needs: 3 is "safely unguessable" to an online attacker. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries (common passwords, names, words) take a moment to load. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * Why a new password is too easy to guess (a common password, a keyboard run, the user's own
 * e-mail or name…), or null when it is strong enough.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  // zxcvbn's cost grows with length; beyond 100 characters a password is long enough.
  // An address counts whole and by its part before the @.
  const personal = userInputs.flatMap((input) => [input, input.split('@')[0]]);
  const result = zxcvbn().check(password.slice(0, 100), personal);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  return result.feedback.warning ?? 'It is too easy to guess; use a longer phrase of uncommon words';
}
