/** app.flatten */
package org.convscope.app.flatten;
