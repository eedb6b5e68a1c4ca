import { highlightSegments } from '../utils/search/words';

/** Text with the reader's search words marked. Segments become text nodes and <mark>s, never HTML. */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  if (words.length === 0) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, words).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
