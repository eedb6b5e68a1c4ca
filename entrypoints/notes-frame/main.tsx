import { render } from 'preact';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { t } from '../../utils/text/i18n';
import { articleOfFrame, notesOfArticle } from './frame-notes';
import { NotesFrame } from './NotesFrame';
import './notes-frame.css';

document.documentElement.lang = t('languageTag');
const article = articleOfFrame(location.hash);
const app = document.getElementById('app')!;
if (article) {
  render(
    <ErrorBoundary>
      <NotesFrame notes={notesOfArticle(article)} />
    </ErrorBoundary>,
    app,
  );
}
