// E-mail messages: bounces (NDRs, DSNs) and any message's headers.

import { EMAIL } from '../../common/languages';
import type { FamilyMode } from '../languageModes';
import { doCodeHover } from '../statusCodes/codeHover';
import { validateBounce } from './bounceDiagnostics';
import { bounceFlow } from './bounceFlow';
import { doEmailHeaderHover } from './emailHeaderHover';
import { getHopHints } from './hopHints';

export function getEmailMode(): FamilyMode {
  return {
    id: 'email',
    languageIds: [EMAIL],
    // A status code keeps its own hover; elsewhere on a header, the header is explained.
    doHover: (document, position, settings, token) => doCodeHover(document, position, settings.hover.detail, token)
      ?? doEmailHeaderHover(document, position, settings.hover.detail, token),
    doValidation: (document, settings, token) => validateBounce(document, settings.diagnostics, token),
    getInlayHints: (document, range, settings, token) => getHopHints(document, range, settings.hops, token),
    mailFlow: (document, _settings, token) => Promise.resolve(bounceFlow(document, token)),
  };
}
