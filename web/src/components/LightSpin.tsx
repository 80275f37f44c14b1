// A spinner without antd, for the first paint and while the console chunk loads (styles in styles.css).
export function LightSpin() {
  return (
    <div className="light-spin" role="status" aria-label="加载中 / Loading">
      <span className="light-spin-dot" />
    </div>
  );
}
