/** app.browser */
package org.convscope.app.browser;
