export function App() {
  return <main>Blog Brief</main>;
}
