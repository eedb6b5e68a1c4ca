/**
 * A few bytes, registered by the background on the blogs' pages only when the reader's feeds hold
 * more articles than per-article match patterns can carry (background.ts, registerFeedArticles): it
 * tells the article detector that an article URL the build's index does not know may be a feed's, so
 * the detector asks the background once. Pages that are not articles still send nothing.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishAskByUrl } from '../../content/panel-handoff';

export default defineUnlistedScript(() => publishAskByUrl());
