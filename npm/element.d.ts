// Importing "whosaid/element" defines <whosaid-article>.
export { WhosaidArticle } from "./whosaid.js";
