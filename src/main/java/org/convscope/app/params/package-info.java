/** app.params */
package org.convscope.app.params;
