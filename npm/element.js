// Importing this module defines <whosaid-article> (whosaid.js defines it on import) and
// gives its class.
export { WhosaidArticle } from "./whosaid.js";
