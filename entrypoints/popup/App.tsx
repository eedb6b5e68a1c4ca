import { useEffect, useRef } from 'preact/hooks';
import { focusFirstRow, PostList } from '../../components/PostList';
import { PostRow } from '../../components/PostRow';
import { SearchBox } from '../../components/SearchBox';
import { TagBar } from '../../components/TagBar';
import { ToggleGroup } from '../../components/ToggleGroup';
import { BLOG_IDS, BLOG_SHORT_NAMES, type BlogId } from '../../utils/blogs';
import type { BrowseModel } from '../../utils/browse-model';

export function App({ model }: { model: BrowseModel }) {
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "/" jumps to search from anywhere in the popup, as on GitHub and the blogs themselves.
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const result = model.result.value;
  const current = model.filtering.value ? null : model.currentPost.value;
  const posts = (result?.posts ?? []).filter((post) => post.id !== current?.id);
  const words = model.words.value;

  return (
    <div class="popup">
      <header class="top">
        <h1 class="brand">Blog Brief</h1>
      </header>
      <SearchBox value={model.text.value} onInput={model.setText} inputRef={searchRef} onArrowDown={() => focusFirstRow()} />
      <div class="filters">
        <ToggleGroup
          label="Blog"
          options={BLOG_IDS.map((blog) => ({ value: blog, label: BLOG_SHORT_NAMES[blog] }))}
          isPressed={(blog) => model.blog.value === blog}
          onToggle={(blog) => model.toggleBlog(blog as BlogId)}
        />
        <TagBar counts={model.tagCounts.value} selected={model.tags.value} onToggle={model.toggleTag} />
      </div>

      {current && (
        <section class="on-page" aria-labelledby="on-page-heading">
          <h2 id="on-page-heading" class="section-heading">
            On this page
          </h2>
          <PostRow post={current} words={words} initiallyExpanded />
        </section>
      )}

      <section class="results" aria-labelledby="results-heading" aria-busy={model.loading.value}>
        <h2 id="results-heading" class="section-heading">
          {model.loading.value ? 'Loading briefs…' : resultHeading(result?.total ?? 0, model.filtering.value)}
        </h2>
        {model.error.value && (
          <p class="notice error" role="alert">
            {model.error.value}
          </p>
        )}
        {model.loading.value && <RowPlaceholders />}
        {result && result.total === 0 && (
          <div class="empty">
            {model.filtering.value ? (
              <>
                <p>No brief matches {describeFilters(model)}.</p>
                <p>Try fewer words or tags, or start over.</p>
                <button type="button" class="button" onClick={model.clearFilters}>
                  Clear filters
                </button>
              </>
            ) : (
              <p>The catalog is empty. Reinstalling Blog Brief restores it.</p>
            )}
          </div>
        )}
        <PostList label="Briefs" posts={posts} renderRow={(post) => <PostRow post={post} words={words} />} />
        {result && result.posts.length < result.total && (
          <button type="button" class="button more" onClick={model.showMore}>
            Show more ({result.total - result.posts.length} left)
          </button>
        )}
      </section>
    </div>
  );
}

function resultHeading(total: number, filtering: boolean): string {
  const briefs = `${total} ${total === 1 ? 'brief' : 'briefs'}`;
  return filtering ? `${briefs} found` : `All ${briefs}, newest first`;
}

function describeFilters(model: BrowseModel): string {
  const parts: string[] = [];
  if (model.text.value.trim()) parts.push(`“${model.text.value.trim()}”`);
  if (model.blog.value) parts.push(`on ${BLOG_SHORT_NAMES[model.blog.value]}`);
  if (model.tags.value.length) parts.push(`tagged ${model.tags.value.join(' + ')}`);
  return parts.join(' ');
}

/** Grey rows of the same height as real ones, so nothing jumps when the briefs arrive. */
function RowPlaceholders() {
  return (
    <ul class="posts placeholder" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <li key={i}>
          <div class="row">
            <div class="ph ph-title" />
            <div class="ph ph-meta" />
            <div class="ph ph-line" />
            <div class="ph ph-line short" />
          </div>
        </li>
      ))}
    </ul>
  );
}
