import { Component, type ComponentChildren } from 'preact';
import { t } from '../utils/text/i18n';

/**
 * Whatever goes wrong while rendering below it, the reader gets a sentence instead of a blank page,
 * and the error goes to the console for whoever reports it.
 */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown) {
    console.error('[Blog Brief]', error);
    this.setState({ failed: true });
  }

  override render() {
    return this.state.failed ? (
      <p class="notice error" role="alert">
        {t('somethingWentWrong')}
      </p>
    ) : (
      this.props.children
    );
  }
}
